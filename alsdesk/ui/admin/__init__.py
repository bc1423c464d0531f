"""Administration: the clinic profile, staff, the catalogs and their forms, the audit trail, and
import / export."""
