"""Reading the person's own mail: sources, parsing, the scan, the review queue, IMAP, invitations.

The decisions are pure and live in the engine (:mod:`tui.engine.mail_rules`,
:mod:`tui.engine.mail_match`, :mod:`tui.engine.mail_decide`); this package does the reading
(files, IMAP) and the writing (through the store and :mod:`tui.actions`).
"""
