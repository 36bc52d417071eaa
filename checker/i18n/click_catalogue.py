"""The texts Click and Typer write themselves (help headings, usage errors), in French and English.

Each ``en`` text is the English text Click (vendored by Typer as ``typer._click``), Typer or pydantic writes, with its
variable parts named: ``checker.cli.help`` recognises an English message by it and writes the text of the run's
language. ``tests/cli/test_click_text.py`` fails when the installed Click, Typer or pydantic no longer contains the
fixed parts of one of these texts.
"""

from __future__ import annotations

from checker.i18n import Entries

__all__ = ["CLICK_MESSAGES", "CLICK_SOURCES"]

CLICK_MESSAGES: Entries = {
    # help layout
    "click.usage": {"fr": "Utilisation : ", "en": "Usage: "},
    "click.options_metavar": {"fr": "[OPTIONS]", "en": "[OPTIONS]"},
    "click.subcommand_metavar": {"fr": "COMMANDE [ARGUMENTS]...", "en": "COMMAND [ARGS]..."},
    "click.heading": {"fr": "{heading} :", "en": "{heading}:"},
    "click.arguments": {"fr": "Arguments", "en": "Arguments"},
    "click.options": {"fr": "Options", "en": "Options"},
    "click.commands": {"fr": "Commandes", "en": "Commands"},
    "click.help_option": {"fr": "Afficher ce message et quitter.", "en": "Show this message and exit."},
    "click.default": {"fr": "par défaut : {default}", "en": "default: {default}"},
    "click.required": {"fr": "obligatoire", "en": "required"},
    "click.range": {"fr": "de {low} à {high}", "en": "{low}<=x<={high}"},
    "click.range_low": {"fr": "{low} au moins", "en": "x>={low}"},
    "click.range_high": {"fr": "{high} au plus", "en": "x<={high}"},
    # usage errors
    "click.error": {"fr": "Erreur : {message}", "en": "Error: {message}"},
    "click.try_help": {"fr": "Pour l'aide : {command} {option}", "en": "Try '{command} {option}' for help."},
    "click.no_such_option": {"fr": "option inconnue : {name}", "en": "No such option: {name}"},
    "click.possible_options": {
        "fr": "{message} (options proches : {options})",
        "en": "{message} (Possible options: {options})",
    },
    "click.missing_argument": {"fr": "argument manquant : {name}.", "en": "Missing argument {name}."},
    "click.missing_option": {"fr": "option manquante : {name}.", "en": "Missing option {name}."},
    "click.invalid_value_for": {
        "fr": "valeur invalide pour {name} : {message}",
        "en": "Invalid value for {name}: {message}",
    },
    "click.invalid_value": {"fr": "valeur invalide : {message}", "en": "Invalid value: {message}"},
    "click.extra_arguments": {
        "fr": "argument(s) en trop : {arguments}",
        "en": "Got unexpected extra argument(s) ({arguments})",
    },
    "click.missing_command": {"fr": "commande manquante.", "en": "Missing command."},
    "click.no_such_command": {"fr": "commande inconnue : {name}.", "en": "No such command {name}."},
    "click.no_such_command_suggest": {
        "fr": "commande inconnue : {name}. Vouliez-vous dire {suggestions} ?",
        "en": "No such command {name}. Did you mean {suggestions}?",
    },
    "click.option_needs_value": {
        "fr": "l'option {name} attend une valeur.",
        "en": "Option {name} requires an argument.",
    },
    "click.option_needs_values": {
        "fr": "l'option {name} attend {count} valeurs.",
        "en": "Option {name} requires {count} arguments.",
    },
    "click.option_takes_no_value": {
        "fr": "l'option {name} ne prend pas de valeur.",
        "en": "Option {name} does not take a value.",
    },
    # pydantic's messages for the numbers Typer checks (--workers)
    "click.not_an_integer": {
        "fr": "un nombre entier est attendu",
        "en": "Input should be a valid integer, unable to parse string as an integer",
    },
    "click.at_least": {"fr": "{limit} au minimum", "en": "Input should be greater than or equal to {limit}"},
    "click.at_most": {"fr": "{limit} au maximum", "en": "Input should be less than or equal to {limit}"},
}
"""Click's and Typer's own texts, and pydantic's for a number Typer checks."""

CLICK_SOURCES: dict[str, str] = {
    "click.at_least": "pydantic",
    "click.at_most": "pydantic",
    "click.not_an_integer": "pydantic",
}
"""Where a text comes from when not from Click or Typer: pydantic (its core library holds the English text)."""
