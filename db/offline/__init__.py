"""The desk without its server: a local copy to decide scans on, a journal of what the desk
did meanwhile, and sending that journal once the server answers again (each entry once).

Qt-free like the rest of db/. What the desk calls:
- while online: `local_copy.refresh_local_copy(shared_db, site_id, local_copy_path(), today)`
  after the journal has nothing waiting (the desk's connection to the old copy closed first);
- while the server is away: `local_copy.open_local_copy(path)`, then the actions of
  `at_the_desk` (check_in_card_offline, check_in_offline, walk_in_offline, lend_offline,
  return_offline, undo_offline) with `journal.journal_path()`; each returns the copy's answer
  and the entry written ("saved on this laptop, not yet sent"; flagged when the copy could
  not decide); `journal.waiting_entries(path)` counts what is not yet sent;
- when the server answers: `sending.send_journal(shared_db, journal_path, by_laptop)`, then
  `journal.journal_refusals(path)` for the librarian, `journal.dismiss_refusal` once read.
"""
