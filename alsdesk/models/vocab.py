"""The closed vocabularies, re-exported for code that imports them from the models package.

Their one home is `alsdesk.vocab`: no SQLAlchemy there, so the CLI parser can offer them cheaply."""

from alsdesk.vocab import *  # noqa: F403
