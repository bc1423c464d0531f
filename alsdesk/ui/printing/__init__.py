"""Documents from the window: the Printing screen, the chart's Print menu, a day's batch, the print
preview (print or save, each logged) and the Qt-free jobs that build each document in a worker."""
