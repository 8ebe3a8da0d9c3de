"""The one exception users see for bad files and values."""


class BadInputError(ValueError):
    """A file or value the app cannot use; the message names it and says what is wrong."""
