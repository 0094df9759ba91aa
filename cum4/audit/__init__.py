"""The access log: who downloaded or exported what, who changed a user's role or unit."""
