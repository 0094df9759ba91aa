"""The staff register: people, their moves between units, yearly ratings, discipline,
initiatives, pending complaints. Reads only `cum4`; the features above read it."""
