"""The sidebar pages: one module, or one folder for a page of several files, per page."""
