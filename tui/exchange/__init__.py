"""Nowwhat and the outside world: calendars, spreadsheets, vCards, job postings."""
