"""psc-check policy values: list them, load a policy file strictly, apply it to a referential before evaluation.

A policy value is a threshold no source gives (``freshness.policy`` in the referential): psc-check chose it, so a
user may replace it from a file (``--policy FILE``) without editing the referential. The report records each
replacement (key, setting, old → new) so an auditor sees it.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from checker.errors import Message, located, msg
from checker.inputs.limits import MAX_POLICY_BYTES
from checker.inputs.loaded import LoadedFile
from checker.inputs.suggest import did_you_mean
from checker.inputs.textsafe import shown
from checker.inputs.yamlload import YamlDocument
from checker.model.policy import PolicyFile
from checker.model.referential import Freshness, PolicyLabel, Requirement
from checker.model.report import PolicyInfo, PolicyOverride
from checker.referential.load import LoadedReferential, load_referential

__all__ = [
    "SETTINGS",
    "LoadedPolicy",
    "apply_policy",
    "load_policy",
    "load_with_policy",
    "policy_errors",
    "policy_values",
]

SETTINGS = ("max_age_days", "min_remaining_days")
"""The freshness thresholds a policy file may replace."""


class LoadedPolicy(LoadedFile[PolicyFile]):
    """A validated policy file with its path and hash."""


def policy_values(ref: LoadedReferential) -> dict[str, tuple[PolicyLabel, dict[str, int | None]]]:
    """Each policy key of ``ref`` with its label and the thresholds its rule sets (in file order)."""
    out: dict[str, tuple[PolicyLabel, dict[str, int | None]]] = {}
    for req in ref.model.requirements:
        fresh = req.evidence.freshness if req.evidence else None
        if fresh is not None and fresh.policy is not None and fresh.policy.key not in out:
            out[fresh.policy.key] = (fresh.policy, {s: getattr(fresh, s) for s in SETTINGS})
    return out


def load_policy(path: Path, ref: LoadedReferential) -> LoadedPolicy:
    """Load ``path`` strictly and check each key and setting against ``ref``'s policy values."""
    return LoadedPolicy.load(
        path,
        PolicyFile,
        max_bytes=MAX_POLICY_BYTES,
        what=msg("what.policy"),
        problems=lambda model, doc: policy_errors(model, doc, ref),
    )


def policy_errors(policy: PolicyFile, doc: YamlDocument, ref: LoadedReferential) -> list[Message]:
    """What keeps ``policy`` from applying to ``ref``: unknown keys, settings the key's rule does not use."""
    known = policy_values(ref)
    out: list[Message] = []
    for key, values in policy.model_dump(exclude_none=True)["policy"].items():
        if key not in known:
            listing = ", ".join(known) or "—"
            hint = did_you_mean(key, known) or msg("hint.policy_keys", referential=ref.id, keys=listing)
            problem = msg("error.policy_unknown_key", name=shown(key))
            out.append(located(doc.location(["policy", key], key=True), problem, msg("hint.policy_show", hint=hint)))
            continue
        used = [s for s, v in known[key][1].items() if v is not None]
        if not values:
            out.append(
                located(
                    doc.location(["policy", key]),
                    msg("error.policy_no_value", name=key),
                    msg("hint.policy_set", settings=", ".join(used)),
                )
            )
        out.extend(
            located(
                doc.location(["policy", key, setting], key=True),
                msg("error.policy_setting", name=key, used=", ".join(used), setting=setting),
                msg("hint.policy_write", settings=", ".join(used)),
            )
            for setting in values
            if setting not in used
        )
    return out


def apply_policy(ref: LoadedReferential, policy: LoadedPolicy) -> LoadedReferential:
    """``ref`` with ``policy``'s values in place of the referential's, and the record of each replacement."""
    wanted = policy.model.model_dump(exclude_none=True)["policy"]
    known = policy_values(ref)
    overrides = [
        PolicyOverride(key=key, setting=setting, before=known[key][1][setting], after=value)
        for key, values in wanted.items()
        for setting, value in values.items()
        if known[key][1][setting] != value
    ]

    def replaced(req: Requirement) -> Requirement:
        fresh = req.evidence.freshness if req.evidence else None
        if req.evidence is None or fresh is None or fresh.policy is None or fresh.policy.key not in wanted:
            return req
        new_fresh: Freshness = fresh.model_copy(update=wanted[fresh.policy.key])
        return req.model_copy(update={"evidence": req.evidence.model_copy(update={"freshness": new_fresh})})

    model = ref.model.model_copy(update={"requirements": [replaced(r) for r in ref.model.requirements]})
    info = PolicyInfo(path=policy.path.as_posix(), sha256=policy.sha256, overrides=overrides)
    return dataclasses.replace(ref, model=model, policy=info)


def load_with_policy(referential: Path | None, policy: Path | None) -> LoadedReferential:
    """The referential (the bundled one by default), with the policy file's values applied when one is given."""
    ref = load_referential(referential)
    return ref if policy is None else apply_policy(ref, load_policy(policy, ref))
