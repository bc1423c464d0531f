"""Patient lists from spreadsheets (xlsx, xls, csv): onboarding a clinic that kept its patients in
Excel or WPS.

reading.py reads the first sheet (or the CSV, its encoding detected); mapping.py says which column
is which field (by header, or a mapping saved for the clinic); checking.py checks each cell by the
services' own rules and finds possible duplicates; loading.py adds the rows, all or nothing;
workbooks.py writes the refused rows and the blank template. alsdesk.app.spreadsheet is the use
case both front ends call.
"""
