"""Dialogs: the forms for adding and editing records, and the questions they ask."""
