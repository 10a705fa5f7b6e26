"""The main window's pages: Desk, Participants, Sessions, Equipment, Settings."""
