"""Errors, warnings and refusals: what is wrong with an input or a command line, and how to fix it.

``error.*`` says what is wrong, ``hint.*`` what to do, ``what.*`` names a kind of input inside a message.
"""

from __future__ import annotations

from checker.i18n import Entries

__all__ = ["ERROR_MESSAGES"]

ERROR_MESSAGES: Entries = {
    # how a message is put together (the location is written the same way in every language)
    "error.at": {"fr": "{where} : {problem}", "en": "{where}: {problem}"},
    "error.at_hint": {"fr": "{where} : {problem} — {hint}", "en": "{where}: {problem} — {hint}"},
    "error.warning_line": {"fr": "avertissement : {text}", "en": "warning: {text}"},
    # kinds of input
    "what.yaml_file": {"fr": "un fichier YAML", "en": "a YAML file"},
    "what.declaration": {"fr": "une déclaration", "en": "a declaration"},
    "what.audit": {"fr": "un fichier d'audit", "en": "an audit file"},
    "what.waivers": {"fr": "un fichier de dérogations", "en": "a waivers file"},
    "what.policy": {"fr": "un fichier de politique", "en": "a policy file"},
    "what.referential": {"fr": "un référentiel", "en": "a referential"},
    "what.matrix": {"fr": "une matrice", "en": "a matrix"},
    "what.jwks": {"fr": "un JWKS", "en": "a JWKS"},
    "what.baseline": {"fr": "un rapport de référence", "en": "a baseline report"},
    # reading a file
    "error.file_not_found": {"fr": "fichier introuvable", "en": "file not found"},
    "hint.check_path": {"fr": "vérifiez le chemin", "en": "check the path"},
    "error.cannot_read": {"fr": "lecture du fichier impossible ({reason})", "en": "cannot read the file ({reason})"},
    "error.invalid_path": {"fr": "chemin invalide", "en": "invalid path"},
    "hint.check_path_permissions": {
        "fr": "vérifiez le chemin et les droits d'accès",
        "en": "check the path and its permissions",
    },
    "hint.check_permissions": {"fr": "vérifiez les droits d'accès", "en": "check its permissions"},
    "error.is_folder_not_file": {"fr": "c'est un dossier, pas un fichier", "en": "is a folder, not a file"},
    "error.not_regular_file": {
        "fr": "ce n'est pas un fichier ordinaire (périphérique, tube ou socket)",
        "en": "is not a regular file (a device, pipe or socket)",
    },
    "error.file_too_large": {
        "fr": "fichier trop volumineux ({size} ; la limite pour {what} est de {limit})",
        "en": "file too large ({size}; the limit for {what} is {limit})",
    },
    "hint.right_file": {"fr": "est-ce le bon fichier ?", "en": "is this the right file?"},
    # YAML
    "error.yaml_alias": {
        "fr": "ancre réutilisée par un alias (*ref) : refusé",
        "en": "anchor reused through an alias (*ref): refused",
    },
    "hint.yaml_alias": {
        "fr": "écrivez la valeur en entier ; les alias ne sont pas acceptés",
        "en": "write the value out in full; aliases are not accepted",
    },
    "hint.yaml_alias_key": {
        "fr": "écrivez la clé en entier ; les alias ne sont pas acceptés",
        "en": "write the key out in full; aliases are not accepted",
    },
    "error.yaml_expected_mapping": {"fr": "un dictionnaire était attendu", "en": "expected a mapping"},
    "hint.key_value_lines": {"fr": "écrivez des lignes `clé: valeur`", "en": "use `key: value` lines"},
    "error.yaml_key_not_string": {
        "fr": "une clé doit être un simple texte",
        "en": "a key must be a plain string",
    },
    "hint.yaml_simple_key": {"fr": "écrivez une clé textuelle simple", "en": "use a simple text key"},
    "error.yaml_merge_key": {"fr": "clé de fusion `<<` refusée", "en": "merge key `<<` refused"},
    "hint.yaml_merge_key": {"fr": "écrivez les clés fusionnées en entier", "en": "write the merged keys out in full"},
    "error.yaml_duplicate_key": {"fr": "clé `{name}` en double", "en": "duplicate key `{name}`"},
    "hint.yaml_duplicate_key": {
        "fr": "gardez une seule occurrence de cette clé",
        "en": "keep one occurrence of this key",
    },
    "error.utf16": {"fr": "le fichier est en UTF-16, pas en UTF-8", "en": "the file is UTF-16, not UTF-8"},
    "hint.save_utf8": {"fr": "enregistrez-le en UTF-8", "en": "save it as UTF-8"},
    "error.nul_byte": {"fr": "octet NUL dans le fichier", "en": "NUL byte in the file"},
    "hint.remove_binary": {"fr": "retirez le contenu binaire", "en": "remove the binary content"},
    "error.not_utf8": {"fr": "le fichier n'est pas en UTF-8 valide", "en": "the file is not valid UTF-8"},
    "hint.save_utf8_not_latin1": {
        "fr": "enregistrez-le en UTF-8 (pas en Latin-1 ni en Windows-1252)",
        "en": "save it as UTF-8 (not Latin-1 or Windows-1252)",
    },
    "error.yaml_invalid": {"fr": "YAML invalide : {problem}", "en": "invalid YAML: {problem}"},
    "hint.check_syntax": {"fr": "vérifiez la syntaxe du fichier", "en": "check the file's syntax"},
    "error.nesting_too_deep": {"fr": "imbrication trop profonde", "en": "nesting too deep"},
    "hint.nesting_too_deep": {
        "fr": "aucun fichier de psc-check n'a besoin de plus de {depth} niveaux : aplatissez-le",
        "en": "no psc-check file needs more than {depth} levels: flatten it",
    },
    "hint.yaml_tabs": {
        "fr": "YAML n'indente qu'avec des espaces : remplacez les tabulations par des espaces",
        "en": "YAML indents with spaces only: replace the tab characters with spaces",
    },
    "hint.yaml_nesting": {
        "fr": "imbrication de plus de {depth} niveaux : aucun fichier de psc-check n'en a besoin, aplatissez le document",
        "en": "nesting deeper than {depth} levels: no psc-check file needs that, flatten the document",
    },
    "hint.fix_syntax_here": {"fr": "corrigez la syntaxe à cet endroit", "en": "fix the syntax at this place"},
    "hint.give_yaml_path": {"fr": "donnez le chemin d'un fichier YAML", "en": "give the path of a YAML file"},
    "error.file_empty": {"fr": "le fichier est vide", "en": "the file is empty"},
    "hint.write_yaml_content": {"fr": "écrivez le contenu YAML attendu", "en": "write the expected YAML content"},
    # suggestions and choices
    "hint.did_you_mean": {"fr": "vouliez-vous dire `{value}` ?", "en": "did you mean `{value}`?"},
    "hint.did_you_mean_note": {
        "fr": "vouliez-vous dire `{value}` ? ({note})",
        "en": "did you mean `{value}`? ({note})",
    },
    "hint.lookalike": {
        "fr": "le caractère {position} `{char}` est {code} {name}, pas de l'ASCII : retapez-le",
        "en": "character {position} `{char}` is {code} {name}, not ASCII: retype it",
    },
    # writing
    "error.overwrite_input": {
        "fr": "la sortie écraserait un fichier d'entrée",
        "en": "the output would overwrite an input file",
    },
    "hint.other_output_path": {"fr": "choisissez un autre chemin de sortie", "en": "choose another output path"},
    # command-line values
    "error.option_not_date": {
        "fr": "{option} : `{value}` n'est pas une date — écrivez-la AAAA-MM-JJ",
        "en": "{option}: `{value}` is not a date — write it as YYYY-MM-DD",
    },
    "error.option_date_range": {
        "fr": "{option} : `{value}` est hors limites — donnez une date entre 1900 et 2100",
        "en": "{option}: `{value}` is out of range — use a date between 1900 and 2100",
    },
    # zip archives (dossiers)
    "error.zip_name_length": {
        "fr": "un chemin de {length} caractères (au plus {limit})",
        "en": "a path of {length} characters (at most {limit})",
    },
    "error.zip_name_control": {
        "fr": "un chemin avec un caractère de contrôle ou une barre oblique inverse",
        "en": "a path with a control character or a backslash",
    },
    "error.zip_name_absolute": {"fr": "un chemin absolu", "en": "an absolute path"},
    "error.zip_name_leaves": {
        "fr": "un chemin qui sort du dossier (`..`, zip-slip)",
        "en": "a path that leaves the folder (`..`, zip-slip)",
    },
    "error.zip_name_not_normal": {
        "fr": "un chemin non normalisé (partie vide ou `.`)",
        "en": "a path that is not normalised (empty or `.` part)",
    },
    "error.zip_member": {"fr": "membre `{name}` : {problem}", "en": "member `{name}`: {problem}"},
    "hint.dossier_hostile": {
        "fr": "le dossier est endommagé ou malveillant : demandez-en un nouveau",
        "en": "the dossier is damaged or hostile: ask for a new one",
    },
    "error.zip_symlink": {"fr": "un lien symbolique", "en": "a symbolic link"},
    "error.zip_special": {
        "fr": "un fichier spécial (pas un fichier ordinaire)",
        "en": "a special file (not a regular file)",
    },
    "error.zip_encrypted": {"fr": "un membre chiffré", "en": "an encrypted member"},
    "error.zip_compression": {
        "fr": "méthode de compression {method} (seules « stored » et « deflated » sont lues)",
        "en": "compression method {method} (only stored and deflated are read)",
    },
    "error.zip_unzipped_size": {
        "fr": "{size} une fois décompressé (au plus {limit})",
        "en": "{size} once unzipped (at most {limit})",
    },
    "error.zip_ratio": {
        "fr": "se décompresse {ratio} fois plus gros (au plus {limit} : une bombe zip)",
        "en": "expands {ratio} times (at most {limit}: a zip bomb)",
    },
    "error.zip_members": {
        "fr": "{count} fichiers dans le zip (au plus {limit})",
        "en": "{count} files in the zip (at most {limit})",
    },
    "error.zip_second_member": {
        "fr": "un second membre nommé comme `{other}`",
        "en": "a second member named like `{other}`",
    },
    "hint.dossier_too_large": {
        "fr": "le dossier est trop gros ou malveillant",
        "en": "the dossier is too large or hostile",
    },
    "error.zip_under_file": {
        "fr": "se trouve sous un membre qui est un fichier",
        "en": "lies under a member that is a file",
    },
    "error.zip_unreadable": {"fr": "zip illisible ({reason})", "en": "not a readable zip ({reason})"},
    "hint.dossier_damaged": {
        "fr": "le dossier est endommagé : demandez-en un nouveau",
        "en": "the dossier is damaged: ask for a new one",
    },
    "hint.give_dossier_zip": {"fr": "donnez le chemin d'un dossier .zip", "en": "give the path of a dossier .zip"},
    "error.size_over": {"fr": "{size} (au plus {limit})", "en": "{size} (at most {limit})"},
    "error.zip_inflates": {
        "fr": "se décompresse au-delà de la taille annoncée ou de la limite totale (une bombe zip)",
        "en": "inflates past its declared size or the total limit (a zip bomb)",
    },
    "error.zip_extract": {"fr": "extraction impossible ({reason})", "en": "cannot be extracted ({reason})"},
    "error.zip_size_mismatch": {
        "fr": "contient {size} octets, pas les {declared} qu'annonce son en-tête",
        "en": "holds {size} bytes, not the {declared} its header declares",
    },
    # extends:
    "error.extends_expected_path": {
        "fr": "extends : le chemin relatif d'un fichier de déclaration était attendu",
        "en": "extends: expected the relative path of a declaration file",
    },
    "hint.extends_example": {
        "fr": "p. ex. `extends: ../organisation.yaml`",
        "en": "e.g. `extends: ../organisation.yaml`",
    },
    "error.extends_control": {
        "fr": "extends : `{path}` contient un caractère de contrôle",
        "en": "extends: `{path}` holds a control character",
    },
    "hint.extends_control": {
        "fr": "écrivez le chemin relatif du fichier de déclaration sur une ligne, sans caractère de contrôle",
        "en": "write the relative path of the declaration file on one line, without control characters",
    },
    "error.extends_leaves": {
        "fr": "extends : `{path}` sort de l'arborescence du dossier de la déclaration",
        "en": "extends: `{path}` leaves the declaration's folder tree",
    },
    "hint.extends_up_to": {
        "fr": "donnez un chemin relatif qui remonte d'au plus {levels} dossiers, avec --allow-extends-outside",
        "en": "use a relative path, going up at most {levels} folders, with --allow-extends-outside",
    },
    "hint.extends_inside": {
        "fr": (
            "gardez le fichier étendu dans le dossier de la déclaration (ou en dessous), ou lancez "
            "`psc-check --allow-extends-outside …` pour remonter jusqu'à {levels} dossiers au-dessus"
        ),
        "en": (
            "keep the extended file in the declaration's folder (or below), or run "
            "`psc-check --allow-extends-outside …` to reach up to {levels} folders above"
        ),
    },
    "error.extends_link": {
        "fr": "extends : `{path}` est un lien qui sort de l'arborescence du dossier de la déclaration",
        "en": "extends: `{path}` is a link leaving the declaration's folder tree",
    },
    "hint.extends_copy": {
        "fr": "copiez le fichier de l'organisation dans l'arborescence au lieu d'y faire un lien",
        "en": "copy the organisation file into the tree instead of linking to it",
    },
    "error.extends_circular": {"fr": "extends : chaîne circulaire", "en": "extends: circular chain"},
    "hint.remove_loop": {"fr": "supprimez la boucle", "en": "remove the loop"},
    "error.extends_too_long": {
        "fr": "extends : chaîne de plus de {limit} fichiers",
        "en": "extends: chain longer than {limit}",
    },
    "hint.flatten": {"fr": "aplatissez-la", "en": "flatten it"},
    "error.top_mapping": {
        "fr": "un dictionnaire était attendu en tête du fichier",
        "en": "expected a mapping at the top of the file",
    },
    "hint.write_key_value": {"fr": "écrivez des lignes `clé: valeur`", "en": "write `key: value` lines"},
    # validation of a file against its schema (one message per pydantic error type)
    "validation.field": {"fr": "{field} : {problem}", "en": "{field}: {problem}"},
    "validation.more": {"fr": "… et {count} autres erreurs", "en": "… and {count} more errors"},
    "validation.unknown_key": {"fr": "clé inconnue", "en": "unknown key"},
    "validation.missing": {"fr": "clé obligatoire absente", "en": "required key is missing"},
    "validation.top_level": {
        "fr": "le fichier doit contenir des lignes `clé: valeur` à son premier niveau",
        "en": "the file must hold `key: value` lines at its top level",
    },
    "validation.not_a_date": {"fr": "`{value}` n'est pas une date", "en": "`{value}` is not a date"},
    "validation.expected_date": {"fr": "une date était attendue", "en": "expected a date"},
    "validation.not_allowed": {
        "fr": "valeur `{value}` non admise (valeurs admises : {expected})",
        "en": "value `{value}` is not allowed (allowed: {expected})",
    },
    "validation.pattern": {
        "fr": "`{value}` n'a pas la forme attendue",
        "en": "`{value}` does not have the expected form",
    },
    "validation.text_too_short": {
        "fr": "texte trop court (au moins {limit} caractère(s))",
        "en": "text too short (at least {limit} character(s))",
    },
    "validation.text_too_long": {
        "fr": "texte trop long (au plus {limit} caractères)",
        "en": "text too long (at most {limit} characters)",
    },
    "validation.too_few": {"fr": "trop peu d'entrées (au moins {limit})", "en": "too few entries (at least {limit})"},
    "validation.too_many": {"fr": "trop d'entrées (au plus {limit})", "en": "too many entries (at most {limit})"},
    "validation.at_least": {"fr": "la valeur doit valoir au moins {limit}", "en": "the value must be at least {limit}"},
    "validation.greater_than": {
        "fr": "la valeur doit dépasser {limit}",
        "en": "the value must be greater than {limit}",
    },
    "validation.at_most": {"fr": "la valeur doit valoir au plus {limit}", "en": "the value must be at most {limit}"},
    "validation.less_than": {"fr": "la valeur doit rester sous {limit}", "en": "the value must be less than {limit}"},
    "validation.expected_mapping": {"fr": "un dictionnaire était attendu", "en": "expected a mapping"},
    "validation.expected_list": {"fr": "une liste était attendue", "en": "expected a list"},
    "validation.expected_text": {"fr": "un texte était attendu", "en": "expected text"},
    "validation.expected_bool": {"fr": "true ou false était attendu", "en": "expected true or false"},
    "validation.expected_int": {"fr": "un nombre entier était attendu", "en": "expected a whole number"},
    "validation.expected_number": {"fr": "un nombre était attendu", "en": "expected a number"},
    "validation.expected_url": {"fr": "une URL était attendue", "en": "expected a URL"},
    "validation.url_scheme": {"fr": "schéma d'URL non admis", "en": "URL scheme not allowed"},
    "validation.expected_nothing": {"fr": "aucune valeur n'était attendue", "en": "expected no value"},
    "validation.not_ascii": {"fr": "seuls les caractères ASCII sont admis", "en": "only ASCII characters are allowed"},
    "validation.frozen": {"fr": "valeur non modifiable", "en": "the value cannot be changed"},
    "validation.union_tag": {"fr": "type d'entrée inconnu", "en": "unknown kind of entry"},
    "validation.refused": {
        "fr": "valeur refusée (erreur de validation {kind})",
        "en": "value refused (validation error {kind})",
    },
    "hint.expected_mapping": {
        "fr": "un dictionnaire était attendu : des lignes `clé: valeur`, indentées sous cette clé",
        "en": "expected a mapping: `key: value` lines, indented under this key",
    },
    "hint.expected_list": {
        "fr": "une liste était attendue : une ligne `- élément` par entrée",
        "en": "expected a list: one `- item` line per entry",
    },
    "hint.expected_text": {
        "fr": "un texte était attendu : écrivez-le sur cette ligne, entre guillemets s'il pouvait se lire autrement",
        "en": "expected text: write it on this line, in quotes if it could read as something else",
    },
    "hint.true_or_false": {"fr": "écrivez true ou false", "en": "write true or false"},
    "hint.whole_number": {"fr": "écrivez un nombre entier", "en": "write a whole number"},
    "hint.fill_or_remove": {"fr": "remplissez-la, ou retirez la clé", "en": "fill it in, or remove the key"},
    "hint.shorten_text": {
        "fr": "raccourcissez-le ; mettez les longs développements dans un fichier de preuve et citez-le",
        "en": "shorten it; put long material in an evidence file and cite it",
    },
    "hint.too_many_entries": {
        "fr": "psc-check n'accepte pas plus d'entrées : regroupez-les ou répartissez-les",
        "en": "psc-check accepts no more entries than this: merge or split them",
    },
    "hint.add_an_entry": {"fr": "ajoutez au moins une entrée", "en": "add at least one entry"},
    "format.country": {
        "fr": "un code de pays de deux lettres majuscules, p. ex. FR",
        "en": "a two-letter country code in capitals, e.g. FR",
    },
    "format.sha256": {
        "fr": "64 caractères hexadécimaux, tels qu'affichés par `sha256sum FICHIER`",
        "en": "64 hexadecimal characters, as printed by `sha256sum FILE`",
    },
    "format.actors": {
        "fr": "un identifiant d'acteur en majuscules, p. ex. ELU (voir `psc-check referentiel list`)",
        "en": "an actor id in capitals, e.g. ELU (see `psc-check referentiel list`)",
    },
    "format.actor": {
        "fr": "un identifiant d'acteur en majuscules, p. ex. ELP",
        "en": "an actor id in capitals, e.g. ELP",
    },
    "format.level": {
        "fr": "un identifiant de niveau en minuscules, p. ex. espace_de_confiance",
        "en": "a level id in lower case, e.g. espace_de_confiance",
    },
    "format.id": {
        "fr": "une lettre ASCII, puis des lettres ASCII, chiffres, `_`, `.`, `-` ou espaces",
        "en": "an ASCII letter, then ASCII letters, digits, `_`, `.`, `-` or spaces",
    },
    "format.psc_client_id": {
        "fr": "le client_id tel qu'enregistré chez PSC : ASCII imprimable, sans espace",
        "en": "the client_id as registered at PSC: printable ASCII, no spaces",
    },
    "hint.date_between": {
        "fr": "une date entre {first} et {last} : vérifiez l'année",
        "en": "a date between {first} and {last}: check the year",
    },
    "hint.correct_value": {
        "fr": "corrigez la valeur (bornes dans `psc-check schema`)",
        "en": "correct the value (bounds in `psc-check schema`)",
    },
    "hint.allowed_keys": {"fr": "clés admises : {keys}", "en": "allowed keys: {keys}"},
    "hint.choose_listed": {"fr": "choisissez l'une des valeurs admises", "en": "choose one of the values listed"},
    "hint.add_key": {"fr": "ajoutez `{name}:`", "en": "add `{name}:`"},
    "hint.start_from_init": {
        "fr": "partez de `psc-check init`, d'un exemple ou de `psc-check schema` ({model})",
        "en": "start from `psc-check init`, an example, or `psc-check schema` ({model})",
    },
    "hint.date_format": {
        "fr": "écrivez la date sous la forme AAAA-MM-JJ (une vraie date du calendrier)",
        "en": "write the date as YYYY-MM-DD (a real calendar date)",
    },
    "hint.see_schema_format": {
        "fr": "voir la forme attendue avec `psc-check schema`",
        "en": "see the expected format with `psc-check schema`",
    },
    # a model's own rules
    "error.siren_digits": {
        "fr": "un SIREN a exactement 9 chiffres : recopiez-le du Kbis ou de sirene.fr, entre guillemets",
        "en": "a SIREN has exactly 9 digits: copy it from the Kbis or sirene.fr, in quotes",
    },
    "error.siren_luhn": {
        "fr": "le SIREN ne passe pas sa clé de contrôle (Luhn) : vérifiez le numéro sur le Kbis ou sirene.fr",
        "en": "SIREN fails its check digit (Luhn): check the number on the Kbis or sirene.fr",
    },
    "error.path_control": {
        "fr": "un chemin de fichier ne peut pas contenir de caractère de contrôle (NUL, tabulation, saut de ligne…) : retapez-le",
        "en": "a file path cannot hold control characters (NUL, tab, line break…): retype it",
    },
    "error.quote_too_long": {
        "fr": "une citation compte au plus {limit} mots ; raccourcissez-la ou paraphrasez",
        "en": "a quote has at most {limit} words; shorten it or paraphrase",
    },
    "error.waiver_expires_before": {
        "fr": "`expires` ({expires}) tombe avant `granted` ({granted}) : vérifiez les deux dates",
        "en": "`expires` ({expires}) is before `granted` ({granted}): check both dates",
    },
    "error.waiver_too_long": {
        "fr": (
            "`expires` ({expires}) tombe plus de {years} ans après `granted` ({granted}) : une dérogation court "
            "au plus tard jusqu'au {last} — renouvelez-la alors"
        ),
        "en": (
            "`expires` ({expires}) is more than {years} years after `granted` ({granted}): a waiver may run to "
            "{last} at the latest — renew it then"
        ),
    },
    # writing an output
    "error.cannot_write": {"fr": "écriture du fichier impossible ({reason})", "en": "cannot write the file ({reason})"},
    "error.is_folder": {"fr": "c'est un dossier", "en": "is a folder"},
    "hint.give_file_to_write": {
        "fr": "donnez le chemin d'un fichier à écrire",
        "en": "give the path of a file to write",
    },
    "error.no_output_folder": {"fr": "le dossier de sortie n'existe pas", "en": "the output folder does not exist"},
    "hint.create_it_first": {"fr": "créez-le d'abord", "en": "create it first"},
    "error.file_exists": {"fr": "le fichier existe déjà", "en": "file already exists"},
    "hint.remove_or_force": {
        "fr": "supprimez-le, choisissez un autre chemin ou passez --force",
        "en": "remove it, choose another path or pass --force",
    },
    "hint.write_free_space": {
        "fr": "libérez de la place ; le fichier précédent, s'il y en avait un, est intact",
        "en": "free some space; the previous file, if any, is untouched",
    },
    "hint.write_permissions": {
        "fr": "vérifiez les droits d'accès du dossier ; le fichier précédent, s'il y en avait un, est intact",
        "en": "check the folder's permissions; the previous file, if any, is untouched",
    },
    "hint.write_permissions_space": {
        "fr": "vérifiez les droits d'accès et la place libre du dossier ; le fichier précédent, s'il y en avait un, est intact",
        "en": "check the folder's permissions and free space; the previous file, if any, is untouched",
    },
    # the command line itself
    "error.interrupted": {"fr": "interrompu", "en": "interrupted"},
    "error.output_unwritable": {
        "fr": (
            "impossible d'écrire la sortie ({reason}) — vérifiez que la sortie standard est ouverte et que le "
            "périphérique ou le dossier de sortie n'est pas plein"
        ),
        "en": (
            "cannot write the output ({reason}) — check that standard output is open and that the output device or "
            "folder is not full"
        ),
    },
    "error.internal": {
        "fr": (
            "erreur interne ({error}) ; merci de la signaler avec la version de psc-check {version}, "
            "et de relancer avec --debug pour voir la trace"
        ),
        "en": (
            "internal error ({error}); please report it with psc-check {version} and rerun with --debug to see the "
            "traceback"
        ),
    },
    "error.lang_variable": {
        "fr": "{variable}={value} : langue inconnue — choisissez fr ou en (ou retirez la variable)",
        "en": "{variable}={value}: unknown language — choose fr or en (or unset the variable)",
    },
    # a declaration that cannot be evaluated
    "error.unknown_feature": {"fr": "fonctionnalité inconnue `{name}`", "en": "unknown feature `{name}`"},
    "hint.known_features": {"fr": "fonctionnalités connues : {names}", "en": "known features: {names}"},
    "error.unknown_actor": {"fr": "acteur inconnu `{actor}`", "en": "unknown actor `{actor}`"},
    "error.unknown_requirement_id": {"fr": "exigence inconnue `{id}`", "en": "unknown requirement `{id}`"},
    "error.unknown_level": {"fr": "niveau inconnu `{level}`", "en": "unknown level `{level}`"},
    "error.actor_twice": {"fr": "acteur `{actor}` cité deux fois", "en": "actor `{actor}` listed twice"},
    "hint.keep_one": {"fr": "n'en gardez qu'un", "en": "keep one"},
    "error.actor_not_at_level": {
        "fr": "l'acteur `{actor}` n'existe pas au niveau `{level}`",
        "en": "actor `{actor}` does not exist at level `{level}`",
    },
    "hint.actor_levels": {
        "fr": "{actor} relève du niveau {levels} : changez `level` ou l'acteur",
        "en": "{actor} works at level {levels}: change `level` or the actor",
    },
    "error.not_eu": {
        "fr": "`{country}` n'est pas un État membre de l'UE",
        "en": "`{country}` is not an EU member state",
    },
    "hint.eu_legal_person": {
        "fr": "un {actor} doit être une personne morale immatriculée dans l'Union européenne",
        "en": "an {actor} must be a legal person registered in the European Union",
    },
    "error.unknown_parcours": {"fr": "parcours inconnu `{parcours}`", "en": "unknown parcours `{parcours}`"},
    "error.parcours_level": {
        "fr": "le parcours `{parcours}` n'est pas un parcours du niveau `{level}`",
        "en": "parcours `{parcours}` is not a path of level `{level}`",
    },
    "hint.parcours_levels": {"fr": "il relève du niveau {levels}", "en": "it belongs to level {levels}"},
    "error.unknown_step": {
        "fr": "étape inconnue `{step}` du parcours `{parcours}`",
        "en": "unknown step `{step}` of parcours `{parcours}`",
    },
    "hint.steps": {"fr": "étapes : {steps}", "en": "steps: {steps}"},
    # baseline, waivers and audit files
    "hint.give_json_report": {
        "fr": "donnez un rapport JSON écrit par `psc-check evaluate -o rapport.json`",
        "en": "give a JSON report written by `psc-check evaluate -o report.json`",
    },
    "error.baseline_not_json": {
        "fr": "le rapport de référence n'est pas un rapport JSON",
        "en": "the baseline is not a JSON report",
    },
    "error.baseline_not_report": {
        "fr": "ce n'est pas un rapport JSON de psc-check ({field} : {problem})",
        "en": "not a psc-check JSON report ({field}: {problem})",
    },
    "error.second_waiver": {
        "fr": "une seconde dérogation sur l'exigence `{requirement}` (la première est en {first})",
        "en": "a second waiver on requirement `{requirement}` (the first is at {first})",
    },
    "hint.keep_one_waiver": {
        "fr": "n'en gardez qu'une : une dérogation renouvelée remplace l'ancienne entrée",
        "en": "keep one: a renewed waiver replaces the old entry",
    },
    "error.audit_other_referential": {
        "fr": "audit fait sur le référentiel {made}, cette évaluation utilise {used}",
        "en": "audit made on referential {made}, this evaluation uses {used}",
    },
    "hint.audit_other_referential": {
        "fr": "évaluez avec cette édition (--referentiel) ou réimportez une matrice faite à partir de celle-ci",
        "en": "evaluate with that edition (--referentiel) or re-import a matrix made from this one",
    },
    "error.audit_other_declaration": {
        "fr": "audit fait sur une autre version de la déclaration (sha256 {made}…, celle-ci est {used}…)",
        "en": "audit made on another version of the declaration (sha256 {made}…, this one is {used}…)",
    },
    "hint.audit_other_declaration": {
        "fr": "exportez une nouvelle matrice à partir de cette déclaration et importez-la",
        "en": "export a new matrix from this declaration and import it",
    },
    # a referential edition that does not hold together (for its authors)
    "error.ref_duplicate": {
        "fr": "identifiant `{value}` en double sous `{what}s`",
        "en": "duplicate {what} id `{value}`",
    },
    "hint.own_id": {"fr": "donnez à chacun son propre identifiant", "en": "give each one its own id"},
    "error.ref_unknown": {
        "fr": "identifiant inconnu `{value}` parmi les `{what}s`",
        "en": "unknown {what} `{value}`",
    },
    "hint.define_under": {"fr": "définissez-le sous `{what}s`", "en": "define it under `{what}s`"},
    "error.ref_duplicate_source": {"fr": "clé de source `{name}` en double", "en": "duplicate source key `{name}`"},
    "hint.one_per_source": {"fr": "gardez une entrée par source", "en": "keep one entry per source"},
    "error.ref_duplicate_step": {"fr": "identifiant d'étape `{step}` en double", "en": "duplicate step id `{step}`"},
    "hint.own_step_id": {"fr": "donnez à chaque étape son propre identifiant", "en": "give each step its own id"},
    "error.ref_actor_levels": {
        "fr": "l'acteur `{actor}` n'intervient jamais au(x) niveau(x) {levels}",
        "en": "actor `{actor}` never works at level(s) {levels}",
    },
    "hint.ref_actor_levels": {
        "fr": "corrigez les acteurs ou les niveaux de l'exigence",
        "en": "fix the requirement's actors or levels",
    },
    "error.ref_unknown_check": {
        "fr": "contrôle automatique inconnu `{check}`",
        "en": "unknown automated check `{check}`",
    },
    "hint.see_check_evidence": {
        "fr": "voir `psc-check check-evidence --help`",
        "en": "see `psc-check check-evidence --help`",
    },
    "error.ref_deadline": {
        "fr": "échéance antérieure à la date d'entrée en vigueur",
        "en": "deadline before the effective date",
    },
    "hint.ref_deadline": {"fr": "inversez ou corrigez les dates", "en": "swap or fix the dates"},
    "error.ref_quote_not_held": {
        "fr": "la source citée `{source}` n'a pas de `held_text`",
        "en": "quote source `{source}` has no `held_text`",
    },
    "hint.ref_quote_not_held": {
        "fr": "ne citez qu'une source dont le texte est conservé",
        "en": "quote only a source whose text we hold",
    },
    "error.ref_quote_source": {
        "fr": "la source de citation `{source}` n'est pas parmi les sources de cette exigence",
        "en": "quote source `{source}` is not in this requirement's sources",
    },
    "error.ref_locator_source": {
        "fr": "la source de localisation `{source}` n'est pas parmi les sources de cette exigence",
        "en": "locator source `{source}` is not in this requirement's sources",
    },
    "hint.ref_add_source": {"fr": "ajoutez-la à `sources`", "en": "add it to `sources`"},
    "hint.ref_add_source_or_fix": {
        "fr": "ajoutez-la à `sources` ou corrigez la clé",
        "en": "add it to `sources` or fix the key",
    },
    "error.ref_inherit_itself": {
        "fr": "un acteur ne peut pas hériter de lui-même",
        "en": "an actor cannot inherit from itself",
    },
    "hint.ref_other_actor": {"fr": "nommez un autre acteur", "en": "name another actor"},
    "error.ref_second_rule": {
        "fr": "seconde règle pour `{actor}` héritant de `{inherits}`",
        "en": "second rule for `{actor}` inheriting `{inherits}`",
    },
    "hint.ref_merge_rules": {"fr": "fusionnez les deux règles", "en": "merge the two rules"},
    "error.ref_policy_values": {
        "fr": "la clé de politique `{name}` a déjà d'autres valeurs",
        "en": "policy `{name}` already has other values",
    },
    "hint.ref_policy_key": {
        "fr": "donnez à ce seuil sa propre clé de politique",
        "en": "give this threshold its own policy key",
    },
    "error.ref_cross_reference": {
        "fr": "renvoi vers un élément inconnu `{referential}` / `{requirement}`",
        "en": "cross-reference to unknown `{referential}` / `{requirement}`",
    },
    # policy files
    "hint.policy_keys": {
        "fr": "les clés de politique de {referential} sont : {keys}",
        "en": "the policy keys of {referential} are: {keys}",
    },
    "error.policy_unknown_key": {"fr": "clé de politique inconnue `{name}`", "en": "unknown policy key `{name}`"},
    "hint.policy_show": {
        "fr": "{hint} (`psc-check referentiel show ID` donne la clé de politique d'une exigence)",
        "en": "{hint} (`psc-check referentiel show ID` names a requirement's policy key)",
    },
    "error.policy_no_value": {
        "fr": "la politique `{name}` ne donne aucune valeur",
        "en": "policy `{name}` gives no value",
    },
    "hint.policy_set": {"fr": "donnez {settings}, ou retirez la clé", "en": "set {settings}, or remove the key"},
    "error.policy_setting": {
        "fr": "la politique `{name}` règle {used}, pas {setting}",
        "en": "policy `{name}` sets {used}, not {setting}",
    },
    "hint.policy_write": {"fr": "écrivez plutôt {settings}", "en": "write {settings} instead"},
    # the auditor's matrix: rows
    "hint.matrix_restore_row": {
        "fr": "rétablissez la ligne telle que psc-check l'a écrite (les remarques vont dans la colonne des commentaires)",
        "en": "restore the row as psc-check wrote it (remarks go in the comment column)",
    },
    "error.matrix_rows": {"fr": "plus de {limit} lignes", "en": "more than {limit} rows"},
    "hint.is_this_the_matrix": {"fr": "est-ce bien la matrice ?", "en": "is this the matrix?"},
    "error.matrix_header": {
        "fr": "en-tête de colonne `{found}` à la place de `{expected}`",
        "en": "column header `{found}` where `{expected}` was expected",
    },
    "hint.matrix_columns": {
        "fr": "n'insérez, ne déplacez ni ne supprimez de colonne : repartez de la matrice produite par psc-check",
        "en": "do not insert, move or delete columns: start again from the matrix psc-check produced",
    },
    "error.matrix_no_id": {
        "fr": "verdict ou commentaire sur une ligne sans identifiant d'exigence",
        "en": "verdict or comment on a row without requirement id",
    },
    "error.matrix_duplicate_row": {
        "fr": "l'exigence `{requirement}` figure déjà à la ligne {row}",
        "en": "requirement `{requirement}` is already on row {row}",
    },
    "hint.matrix_one_row": {"fr": "gardez une ligne par exigence", "en": "keep one row per requirement"},
    "error.matrix_unknown_requirement": {
        "fr": "exigence inconnue `{requirement}` (identifiant modifié ?)",
        "en": "unknown requirement `{requirement}` (id edited?)",
    },
    "error.matrix_fingerprint": {
        "fr": "l'empreinte cachée manque ou a été modifiée",
        "en": "the hidden fingerprint is missing or altered",
    },
    "error.matrix_row_referential": {
        "fr": "ligne faite à partir du référentiel {made}, cet import utilise {used}",
        "en": "row made from referential {made}, this import uses {used}",
    },
    "hint.matrix_row_referential": {
        "fr": "importez avec l'édition dont la matrice est issue (--referentiel), ou exportez une nouvelle matrice",
        "en": "import with the edition the matrix was made from (--referentiel), or export a new matrix",
    },
    "error.matrix_row_mismatch": {
        "fr": "la ligne ne correspond pas à l'exigence `{requirement}` (identifiant modifié, ou ligne prise d'une autre matrice)",
        "en": "the row does not match requirement `{requirement}` (id edited, or row taken from another matrix)",
    },
    "error.matrix_edited_title": {
        "fr": "le titre de l'exigence a été modifié",
        "en": "the requirement's title was edited",
    },
    "error.matrix_edited_statement": {
        "fr": "l'énoncé de l'exigence a été modifié",
        "en": "the requirement's statement was edited",
    },
    "error.matrix_verdict_formula": {
        "fr": "une formule dans une cellule de verdict",
        "en": "a formula in a verdict cell",
    },
    "hint.pick_one_of": {"fr": "choisissez parmi : {choices}", "en": "pick one of: {choices}"},
    "hint.guess_then_pick": {"fr": "{guess} — sinon {pick}", "en": "{guess} — else {pick}"},
    "error.matrix_unknown_verdict": {"fr": "verdict inconnu `{verdict}`", "en": "unknown verdict `{verdict}`"},
    "error.matrix_comment_formula": {
        "fr": "une formule dans une cellule de commentaire",
        "en": "a formula in a comment cell",
    },
    "hint.matrix_comment_text": {
        "fr": "tapez le commentaire comme du texte (commencez-le par une apostrophe s'il doit débuter par =)",
        "en": "type the comment as text (start it with an apostrophe if it must begin with =)",
    },
    "error.matrix_comment_long": {
        "fr": "commentaire trop long ({length} caractères, limite {limit})",
        "en": "comment too long ({length} characters, limit {limit})",
    },
    "hint.matrix_comment_long": {
        "fr": "raccourcissez-le, ou renvoyez à un document séparé",
        "en": "shorten it, or point to a separate document",
    },
    # the auditor's matrix: the workbook
    "error.matrix_structure": {"fr": "structure de classeur inhabituelle", "en": "unusual workbook structure"},
    "hint.save_again_xlsx": {"fr": "enregistrez-le de nouveau en .xlsx", "en": "save it again as .xlsx"},
    "error.matrix_merged": {"fr": "cellules fusionnées", "en": "merged cells"},
    "hint.matrix_unmerge": {
        "fr": "défusionnez-les : chaque exigence garde sa ligne, son verdict et son commentaire",
        "en": "unmerge them: each requirement keeps its own row, verdict and comment",
    },
    "warning.matrix_hidden_row": {
        "fr": "la ligne {row} est masquée mais porte un verdict ou un commentaire, importé",
        "en": "row {row} is hidden but holds a verdict or comment, imported",
    },
    "hint.check_meant": {"fr": "vérifiez que c'est voulu", "en": "check it is meant"},
    "warning.matrix_foreign_sheet": {
        "fr": "feuille non écrite par psc-check, non importée",
        "en": "sheet not written by psc-check, not imported",
    },
    "hint.matrix_copy_comment": {
        "fr": "recopiez ce qui compte dans la colonne des commentaires ({column}) de `{sheet}`",
        "en": "copy what matters into the comment column ({column}) of `{sheet}`",
    },
    "warning.matrix_outside": {
        "fr": "texte hors des colonnes de la matrice, non importé",
        "en": "text outside the matrix columns, not imported",
    },
    "hint.matrix_move_comment": {
        "fr": "déplacez-le dans la colonne des commentaires ({column})",
        "en": "move it to the comment column ({column})",
    },
    "error.matrix_more": {
        "fr": "… et {count} autres problèmes dans la matrice",
        "en": "… and {count} more problems in the matrix",
    },
    "hint.give_matrix": {
        "fr": "donnez le chemin de la matrice .xlsx retournée",
        "en": "give the path of the returned .xlsx matrix",
    },
    "error.workbook_unreadable": {"fr": "classeur illisible ({error})", "en": "cannot read the workbook ({error})"},
    "hint.save_xlsx": {
        "fr": "enregistrez-le de nouveau comme classeur Excel .xlsx (pas .xls, sans mot de passe)",
        "en": "save it again as an Excel .xlsx workbook (not .xls, not password-protected)",
    },
    "error.sheet_missing": {"fr": "feuille absente ou renommée", "en": "sheet missing or renamed"},
    "hint.sheet_names": {
        "fr": "utilisez la matrice produite par psc-check, sans renommer ses feuilles",
        "en": "use the matrix psc-check produced, with its sheet names unchanged",
    },
    "error.sheet_unreadable": {
        "fr": "feuille illisible vers la ligne {row} ({error})",
        "en": "cannot read the sheet near row {row} ({error})",
    },
    "hint.save_matrix_again": {
        "fr": "enregistrez de nouveau la matrice en .xlsx depuis Excel ou LibreOffice",
        "en": "save the matrix again as .xlsx from Excel or LibreOffice",
    },
    "error.matrix_format": {
        "fr": "le format de matrice `{found}` n'est pas un format que cette version lit ({expected})",
        "en": "matrix format `{found}` is not a format this version reads ({expected})",
    },
    "hint.matrix_export_new": {
        "fr": "exportez une nouvelle matrice avec cette version de psc-check",
        "en": "export a new matrix with this version of psc-check",
    },
    "error.matrix_referential": {
        "fr": "matrice faite à partir du référentiel {made}, cet import utilise {used}",
        "en": "matrix made from referential {made}, this import uses {used}",
    },
    "hint.matrix_referential": {
        "fr": "importez avec l'édition dont elle est issue (--referentiel), ou exportez une nouvelle matrice à partir de celle-ci",
        "en": "import with the edition it was made from (--referentiel), or export a new matrix from this one",
    },
    "hint.matrix_start_again": {
        "fr": "est-ce bien la matrice ? Repartez de la matrice écrite par psc-check",
        "en": "is this the matrix? Start again from the matrix psc-check wrote",
    },
    "error.xlsx_not_zip": {
        "fr": "ce n'est pas un classeur xlsx (pas une archive zip)",
        "en": "not an xlsx workbook (not a zip archive)",
    },
    "hint.save_as_xlsx": {"fr": "enregistrez la matrice en .xlsx", "en": "save the matrix as .xlsx"},
    "error.xlsx_part_twice": {
        "fr": "la partie `{part}` figure deux fois dans l'archive",
        "en": "part `{part}` is in the archive twice",
    },
    "error.xlsx_unpacks": {
        "fr": "le classeur se décompresse en {size}, plus de {limit}",
        "en": "the workbook unpacks to {size}, more than {limit}",
    },
    "error.xlsx_part_unpacks": {
        "fr": "la partie `{part}` se décompresse en {size}, plus de {limit}",
        "en": "part `{part}` unpacks to {size}, more than {limit}",
    },
    "error.xlsx_part_missing": {
        "fr": "partie `{part}` absente ou illisible",
        "en": "part `{part}` missing or unreadable",
    },
    "error.xlsx_part_damaged": {
        "fr": "la partie `{part}` est endommagée (données compressées corrompues)",
        "en": "part `{part}` is damaged (corrupted compressed data)",
    },
    "error.xlsx_part_dtd": {
        "fr": "la partie `{part}` déclare une DTD ou des entités, ce qu'aucun tableur n'écrit",
        "en": "part `{part}` declares a DTD or entities, which no spreadsheet writes",
    },
    "error.xlsx_part_xml": {
        "fr": "la partie `{part}` n'est pas du XML bien formé",
        "en": "part `{part}` is not well-formed XML",
    },
    "error.xlsx_part_empty": {"fr": "la partie `{part}` est vide", "en": "part `{part}` is empty"},
    "error.xlsx_rel_twice": {
        "fr": "la partie `{part}` donne l'identifiant `{id}` à deux relations",
        "en": "part `{part}` gives the id `{id}` to two relationships",
    },
    "error.xlsx_no_workbook": {"fr": "aucun classeur dans l'archive", "en": "no workbook inside the archive"},
    "error.xlsx_several_workbooks": {
        "fr": "l'archive déclare plusieurs classeurs",
        "en": "the archive declares several workbooks",
    },
    "error.xlsx_workbook_names": {
        "fr": "`[Content_Types].xml` nomme le classeur `{declared}`, `_rels/.rels` nomme `{related}`",
        "en": "`[Content_Types].xml` names the workbook `{declared}`, `_rels/.rels` names `{related}`",
    },
    "error.xlsx_same_sheet_name": {"fr": "deux feuilles portent le même nom", "en": "two sheets have the same name"},
    "error.xlsx_texts": {
        "fr": "plus de {limit} textes distincts dans le classeur",
        "en": "more than {limit} distinct texts in the workbook",
    },
    "error.xlsx_unexpected_element": {
        "fr": "un élément `{element}` inattendu dans la ligne {row}",
        "en": "an unexpected `{element}` element in row {row}",
    },
    "error.xlsx_row_in_row": {"fr": "une ligne dans la ligne {row}", "en": "a row inside row {row}"},
    "error.xlsx_stray_element": {
        "fr": "un élément `{element}` égaré (hors d'une ligne, ou d'un autre espace de noms)",
        "en": "a stray `{element}` element (outside a row, or of another namespace)",
    },
    "error.xlsx_dimension_late": {
        "fr": "la dimension de la feuille vient après ses lignes",
        "en": "the sheet's dimension comes after its rows",
    },
    "error.xlsx_dimension": {
        "fr": "la dimension de la feuille `{range}` n'est pas une plage de cellules",
        "en": "the sheet's dimension `{range}` is not a cell range",
    },
    "error.xlsx_row_number": {
        "fr": "le numéro de ligne `{number}` n'est pas une ligne de tableur",
        "en": "row number `{number}` is not a row of a spreadsheet",
    },
    "error.xlsx_row_order": {
        "fr": "la ligne {row} vient après la ligne {previous} : lignes dans le désordre ou répétées",
        "en": "row {row} comes after row {previous}: rows out of order or repeated",
    },
    "error.xlsx_row_cells": {
        "fr": "plus de {limit} cellules dans la ligne {row}",
        "en": "more than {limit} cells in row {row}",
    },
    "error.xlsx_sheet_cells": {
        "fr": "plus de {limit} cellules dans la feuille",
        "en": "more than {limit} cells in the sheet",
    },
    "error.xlsx_below_last_row": {
        "fr": "une valeur à la ligne {row}, sous la dernière ligne déclarée de la feuille ({last})",
        "en": "a value in row {row}, below the sheet's declared last row {last}",
    },
    "error.xlsx_style": {
        "fr": "le style de la cellule `{style}` n'est pas un nombre",
        "en": "the cell's style `{style}` is not a number",
    },
    "error.xlsx_cell_reference": {
        "fr": "la référence de cellule `{ref}` de la ligne {row} n'est pas une cellule de cette ligne",
        "en": "cell reference `{ref}` in row {row} is not a cell of that row",
    },
    "error.xlsx_cell_order": {
        "fr": "cellules dans le désordre ou répétées dans la ligne {row}",
        "en": "cells out of order or repeated in row {row}",
    },
    "error.xlsx_shared_text": {
        "fr": "la cellule renvoie au texte partagé `{index}`, qui n'existe pas",
        "en": "the cell points to shared text `{index}`, which does not exist",
    },
    "error.xlsx_not_number": {
        "fr": "la cellule est marquée comme nombre mais contient `{value}`",
        "en": "the cell is marked as a number but holds `{value}`",
    },
    "error.xlsx_not_bool": {
        "fr": "la cellule est marquée comme valeur vrai/faux mais contient `{value}`",
        "en": "the cell is marked as a true/false value but holds `{value}`",
    },
    "error.xlsx_not_date": {
        "fr": "la cellule est marquée comme date mais contient `{value}`",
        "en": "the cell is marked as a date but holds `{value}`",
    },
    "error.xlsx_sheet_missing": {
        "fr": "le contenu de la feuille manque dans l'archive",
        "en": "the sheet's content is missing from the archive",
    },
    "error.xlsx_not_worksheet": {
        "fr": "la feuille n'est pas une feuille de calcul",
        "en": "the sheet is not a worksheet",
    },
    # import-matrix
    "error.auditor_needed": {
        "fr": "--auditor : donnez le nom de l'auditeur (aucun fichier d'audit antérieur où le prendre)",
        "en": "--auditor: give the auditor's name (there is no earlier audit file to take it from)",
    },
    "error.matrix_other_declaration": {
        "fr": "matrice faite à partir d'une autre version de la déclaration (sha256 {made}…, {path} est {used}…)",
        "en": "matrix made from another version of the declaration (sha256 {made}…, {path} is {used}…)",
    },
    "hint.matrix_other_declaration": {
        "fr": "passez la déclaration dont la matrice est issue, ou exportez une nouvelle matrice à partir de celle-ci",
        "en": "pass the declaration the matrix was made from, or export a new matrix from this one",
    },
    "hint.give_audit_path": {
        "fr": "donnez le chemin du fichier d'audit à écrire (-o)",
        "en": "give the path of the audit file to write (-o)",
    },
    "error.audit_not_completable": {
        "fr": "existe et n'est pas un fichier d'audit à compléter",
        "en": "exists and is not an audit file to complete",
    },
    "hint.other_output_or_force": {
        "fr": "choisissez un autre -o, ou passez --force",
        "en": "choose another -o, or pass --force",
    },
    "error.audit_not_mergeable": {
        "fr": "ce fichier d'audit ne peut pas être fusionné",
        "en": "this audit file cannot be merged",
    },
    "hint.force_replace": {"fr": "passez --force pour le remplacer", "en": "pass --force to replace it"},
    # renderers and init
    "error.pdf_extra": {
        "fr": (
            "la sortie PDF demande l'extra optionnel : pip install 'psc-checker[pdf]' (WeasyPrint, qui demande aussi "
            "la bibliothèque Pango : apt-get install libpango-1.0-0 libpangoft2-1.0-0) — {error} : {reason}"
        ),
        "en": (
            "PDF output needs the optional extra: pip install 'psc-checker[pdf]' (WeasyPrint, which also needs the "
            "Pango library: apt-get install libpango-1.0-0 libpangoft2-1.0-0) — {error}: {reason}"
        ),
    },
    "error.oscal_clash": {
        "fr": "{what} : `{other}` et `{original}` deviennent tous deux l'identifiant OSCAL `{token}`",
        "en": "{what} `{other}` and `{original}` both become the OSCAL id `{token}`",
    },
    "error.urn_clash": {
        "fr": "`{other}` et `{name}` deviennent tous deux l'URN CISO Assistant `{urn}`",
        "en": "`{other}` and `{name}` both become the CISO Assistant URN `{urn}`",
    },
    "hint.rename_one": {"fr": "renommez l'un des deux", "en": "rename one of them"},
    "error.output_suffix": {"fr": "suffixe de sortie inconnu `{suffix}`", "en": "unknown output suffix `{suffix}`"},
    "error.output_no_suffix": {"fr": "fichier de sortie sans suffixe", "en": "output file without a suffix"},
    "hint.use_one_of": {"fr": "utilisez l'un de : {choices}", "en": "use one of {choices}"},
    "error.init_actor_level": {
        "fr": "--actor {actor} n'existe pas au niveau `{level}` — il relève de {levels}",
        "en": "--actor {actor} does not exist at level `{level}` — it works at {levels}",
    },
    "error.init_siren": {
        "fr": "--siren : `{value}` n'est pas un SIREN valide — 9 chiffres passant le contrôle de Luhn",
        "en": "--siren: `{value}` is not a valid SIREN — 9 digits passing the Luhn check",
    },
    "error.init_name": {
        "fr": "{option} : `{value}` n'est pas un nom utilisable — une ligne de 1 à {limit} caractères, sans caractère de contrôle",
        "en": "{option}: `{value}` is not a usable name — one line of 1 to {limit} characters, no control characters",
    },
    # check-evidence
    "hint.give_evidence_file": {
        "fr": "donnez le chemin d'un fichier de preuve",
        "en": "give the path of one evidence file",
    },
    "error.no_evidence_file": {"fr": "fichier de preuve introuvable", "en": "no such evidence file"},
    "hint.give_jwks": {
        "fr": "donnez le fichier JWKS (JSON), p. ex. celui de /certs de PSC",
        "en": "give the JWKS file (JSON), e.g. PSC's /certs",
    },
    "error.not_jwks": {"fr": "ce n'est pas un document JWKS", "en": "not a JWKS document"},
    "hint.jwks_shape": {
        "fr": "un objet JSON avec une liste `keys` était attendu, p. ex. celui de /certs de PSC",
        "en": "expected a JSON object with a `keys` list, e.g. PSC's /certs",
    },
    # dossiers
    "error.dossier_no_manifest": {"fr": "pas de {manifest}", "en": "no {manifest}"},
    "hint.dossier_build": {
        "fr": "ce n'est pas un dossier psc-check : construisez-en un avec `psc-check dossier build`",
        "en": "not a psc-check dossier: build one with `psc-check dossier build`",
    },
    "error.dossier_bad_manifest": {
        "fr": "ce n'est pas un manifeste de dossier psc-check ({problem})",
        "en": "not a psc-check dossier manifest ({problem})",
    },
    "error.not_json": {"fr": "JSON invalide : {reason}", "en": "invalid JSON: {reason}"},
    "error.dossier_listed_twice": {"fr": "cité deux fois", "en": "listed twice"},
    "error.dossier_file": {"fr": "fichier `{path}` : {problem}", "en": "file `{path}`: {problem}"},
    "hint.dossier_damaged_or_hostile": {
        "fr": "le dossier est endommagé ou malveillant",
        "en": "the dossier is damaged or hostile",
    },
    "error.dossier_not_among": {"fr": "`{name}` n'est pas parmi ses fichiers", "en": "`{name}` is not among its files"},
    "hint.dossier_damaged_short": {"fr": "le dossier est endommagé", "en": "the dossier is damaged"},
    "error.dossier_declaration_place": {
        "fr": "la déclaration n'est pas sous `{folder}/`",
        "en": "the declaration is not under `{folder}/`",
    },
    "error.dossier_place": {
        "fr": "l'emplacement `{place}` n'est pas au-dessus du dossier de la déclaration (de 1 à {limit} niveaux)",
        "en": "place `{place}` is not above the declaration's folder (1 to {limit} levels)",
    },
    "error.dossier_absolute": {
        "fr": "la preuve `{path}` est citée par un chemin absolu",
        "en": "evidence `{path}` is cited by an absolute path",
    },
    "hint.dossier_relative": {
        "fr": "un dossier garde des chemins relatifs : citez-la relativement à la déclaration",
        "en": "a dossier keeps relative paths: cite it relative to the declaration",
    },
    "error.dossier_outside": {
        "fr": "la preuve `{path}` se trouve hors du dossier de la déclaration",
        "en": "evidence `{path}` lies outside the declaration's folder",
    },
    "hint.dossier_outside": {
        "fr": "déplacez-la dans ce dossier, ou passez --allow-outside-evidence pour la ranger sous un chemin neutre",
        "en": "move it into that folder, or pass --allow-outside-evidence to store it under a neutral path",
    },
    "error.dossier_depth": {
        "fr": "`{path}` se trouve {depth} dossiers au-dessus de celui de la déclaration (au plus {limit} dans un dossier)",
        "en": "`{path}` lies {depth} folders above the declaration's (at most {limit} in a dossier)",
    },
    "error.dossier_would_hold": {
        "fr": "le dossier contiendrait plus de {limit}",
        "en": "the dossier would hold more than {limit}",
    },
    "hint.dossier_smaller": {
        "fr": "déposez la plus grosse preuve à part et citez-en un extrait plus petit",
        "en": "file the largest evidence separately and cite a smaller extract",
    },
    "error.dossier_would_be": {
        "fr": "le dossier ferait {size} (au plus {limit})",
        "en": "the dossier would be {size} (at most {limit})",
    },
    "error.dossier_zip": {"fr": "un dossier est un fichier .zip", "en": "a dossier is a .zip file"},
    "hint.dossier_zip": {"fr": "utilisez -o NOM.zip", "en": "use -o NAME.zip"},
    # portfolio
    "error.portfolio_unreadable": {
        "fr": "{path} : illisible ({error}) — vérifiez le fichier",
        "en": "{path}: cannot be read ({error}) — check the file",
    },
    "error.no_declaration_found": {"fr": "aucune déclaration trouvée", "en": "no declaration found"},
    "hint.give_declarations": {
        "fr": "donnez des fichiers de déclaration, ou des dossiers contenant des fichiers declaration.yaml",
        "en": "give declaration files, or folders holding declaration.yaml files",
    },
    "error.none_evaluated": {
        "fr": "aucune déclaration n'a pu être évaluée :",
        "en": "no declaration could be evaluated:",
    },
    # libyaml's problems
    "yaml.no_node_content": {"fr": "contenu attendu introuvable", "en": "did not find expected node content"},
    "yaml.nesting_depth": {"fr": "profondeur d'imbrication maximale dépassée", "en": "exceeded maximum nesting depth"},
    "yaml.tab_indentation": {
        "fr": "une tabulation dans l'indentation",
        "en": "found a tab character that violates indentation",
    },
    "yaml.cannot_start_token": {
        "fr": "un caractère qui ne peut pas commencer un élément",
        "en": "found character that cannot start any token",
    },
    "yaml.mapping_not_allowed": {
        "fr": "un `clé: valeur` n'est pas admis à cet endroit",
        "en": "mapping values are not allowed in this context",
    },
    "yaml.no_key": {"fr": "clé attendue introuvable", "en": "did not find expected key"},
    "yaml.no_dash": {"fr": "tiret `-` attendu introuvable", "en": "did not find expected '-' indicator"},
    "yaml.no_colon": {"fr": "deux-points `:` attendu introuvable", "en": "could not find expected ':'"},
    "yaml.end_of_stream": {"fr": "fin de fichier inattendue", "en": "found unexpected end of stream"},
    "yaml.unknown_escape": {"fr": "séquence d'échappement inconnue", "en": "found unknown escape character"},
    "yaml.no_line_break": {
        "fr": "commentaire ou fin de ligne attendu introuvable",
        "en": "did not find expected comment or line break",
    },
    "yaml.sequence_not_allowed": {
        "fr": "un élément de liste `-` n'est pas admis à cet endroit",
        "en": "block sequence entries are not allowed in this context",
    },
    "yaml.no_bracket": {"fr": "`,` ou `]` attendu introuvable", "en": "did not find expected ',' or ']'"},
    "yaml.no_brace": {
        "fr": "`,` ou accolade fermante attendue introuvable",
        "en": "did not find expected ',' or closing brace",
    },
    "yaml.undefined_alias": {"fr": "alias non défini", "en": "found undefined alias"},
    # why an evidence file could not be read (after its status label)
    "detail.not_regular": {"fr": " (pas un fichier ordinaire)", "en": " (not a regular file)"},
    "detail.too_large_to_hash": {
        "fr": " (plus de {limit}, empreinte non calculée)",
        "en": " (larger than {limit}, not hashed)",
    },
    "what.requirements": {"fr": "exigences", "en": "requirements"},
    "what.ids": {"fr": "identifiants", "en": "ids"},
}
