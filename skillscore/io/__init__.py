"""Tables in and out: rosters, marks and judges' marks read from csv (UTF-8 or GB18030)
and xlsx with every problem named by file, row and column; rosters and marks written back
in the same format. Nothing here opens the competition file.
"""
