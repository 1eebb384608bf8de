"""What the stages know of names and offices, shared by entities, quotes and stories; word lists are data files in
``recoupe/data``."""
