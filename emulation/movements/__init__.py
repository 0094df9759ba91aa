"""Movements (phong trào thi đua), the units' responses and reviews, the pledge (giao ước)
and its targets, the cycle's dated deadlines. Reads `cum4` and `emulation.staff`."""
