"""The worklist screen: everything due on a day or overdue, grouped by kind, counted by the database
and paged in as a group is opened."""
