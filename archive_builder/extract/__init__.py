"""Bytes -> text with page numbers. (Placeholder: the extract helper replaces this module.)"""
