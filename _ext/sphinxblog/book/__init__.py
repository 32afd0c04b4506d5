"""The book: the PDF and the ePub, as their own small extension."""
