"""ReportLab documents: plain data in, PDF bytes out; no Qt, no database session."""
