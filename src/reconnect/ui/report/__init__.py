"""The report to share, drawn as a PDF on this computer, and the dialog that asks for one."""
