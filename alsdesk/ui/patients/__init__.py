"""The patients screen: search as you type over a SQL-paged table, and registering a new patient."""
