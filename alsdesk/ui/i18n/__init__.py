"""The window's language: the catalogue (alsdesk/i18n) installed as Qt's translator (`translator`),
and texts that services word in English shown translated (`texts`)."""
