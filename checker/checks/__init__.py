"""Automated verification of technical evidence: small registered checks."""
