"""Care programs: the screen of templates the clinic offers, the form that adds or edits one, and the
15-day sheet grid the chart's Care programs tab ticks."""
