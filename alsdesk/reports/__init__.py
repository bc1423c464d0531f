"""Printed documents: plain data (alsdesk.printdata) in, PDF bytes out; ReportLab is imported only here."""
