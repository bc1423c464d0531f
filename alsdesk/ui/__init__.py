"""Qt user interface: the main window, one module per screen or dialog, item models, workers."""
