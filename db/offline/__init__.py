"""The desk without its server: a local copy to decide scans on, a journal of what the desk
did meanwhile, and sending that journal once the server answers again (each entry once).

Qt-free like the rest of db/: the desk calls `refresh_local_copy` while online, records with
`db.offline.journal` while the server is away, and calls `send_journal` when it is back.
"""
