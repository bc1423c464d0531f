"""The schedule screen: a week of therapy sessions and workup appointments per discipline, with
attendance and rebooking."""
