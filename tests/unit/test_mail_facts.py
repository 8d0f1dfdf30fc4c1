"""An address reads as a mail program writes it: ``Name <address>``, or the bare address."""

from __future__ import annotations

from tui.engine.mail_facts import Address


def test_an_address_reads_with_its_name_or_bare() -> None:
    ana = Address("Ana Ruiz", "ana@acme.example")
    assert str(ana) == "Ana Ruiz <ana@acme.example>"
    assert f"from {Address('', 'jobs@acme.example')}" == "from jobs@acme.example"
    assert (ana.domain, ana.local) == ("acme.example", "ana")
