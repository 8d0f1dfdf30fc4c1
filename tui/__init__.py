"""nowwhat: a keyboard-driven terminal dashboard for the weeks after a job interview."""

__all__ = ["__version__"]

__version__ = "0.1.0"
