"""Probes of a vendor's running service (feature, above the core): they perform network I/O, only to the hosts the
user names, and turn what they observe into evidence files (HAR, TLS scan, proxy contract) that the core's checks read.

The core never imports this package; ``checker.app.probe`` runs a probe, writes its files and checks them.
"""
