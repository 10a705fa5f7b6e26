"""Printed and exported documents: ReportLab PDFs, QR labels, member cards, XLSX/CSV.

Qt-free, like db/, so the command line and the tests build the same documents.
"""
