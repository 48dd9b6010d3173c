"""Copies folded in a ranked list: one line per text, the others as "also in …" links.

An outlet that files one article in two sections, or two outlets carrying one wire text,
put the same words in the archive twice; a search matches both, and they rank side by
side, so the second line tells the reader nothing new and pushes the next article down.
The line that stays is the first of the group in the list's own order (the best ranked,
or the newest or oldest when the list is sorted by date), so folding never reorders the
results; the others of its group follow it as links.

Plain Python over keys: the search pages, the API and bench/eval_search.py call the same
rule.
"""


def fold_copies(ranked, group_of):
    """[(key, [folded keys])] for the `ranked` keys, each copy group on one line.

    `group_of` maps a key to a hashable name of its copy group (keys in no group are
    absent). A line's folded keys are the later keys of `ranked` in its group, in ranked
    order; a key whose group already has a line is not given one of its own.
    """
    lines, line_of_group = [], {}
    for key in ranked:
        group = group_of.get(key)
        if group is None:
            lines.append((key, []))
        elif group in line_of_group:
            lines[line_of_group[group]][1].append(key)
        else:
            line_of_group[group] = len(lines)
            lines.append((key, []))
    return lines
