"""Stable story ids: a story keeps its id when a new grouping mostly keeps its members.

A story is linked from other sites and cited in exports, so re-grouping (a new import,
`group_stories --all` after a rule change) must not renumber it. Each new group takes the
id of the old story it shares most members with, when it holds more than half of that
story's members; each old id goes to one group at most, the biggest overlap first. A group
an editor pinned to a story keeps that story whatever the overlap.
"""

from collections import Counter


def match_story_ids(groups, current):
    """The story id for each group (None for a new story), in the order of `groups`.

    `groups`: lists of keys (a group may carry `pinned_story`); `current`: {key: story id}
    of the stories as they are now.
    """
    ids = [getattr(group, "pinned_story", None) for group in groups]
    taken = {story for story in ids if story is not None}
    old_sizes = Counter(current.values())
    overlaps = []
    for n, group in enumerate(groups):
        if ids[n] is not None:
            continue
        shared = Counter(current[key] for key in group if key in current)
        for story, count in shared.items():
            overlaps.append((count, n, story))
    # Biggest overlap first; ties go to the earlier group and the older (smaller) id, so
    # the result does not depend on dictionary order.
    overlaps.sort(key=lambda o: (-o[0], o[1], str(o[2])))
    for count, n, story in overlaps:
        if ids[n] is not None or story in taken:
            continue
        if 2 * count > old_sizes[story]:
            ids[n] = story
            taken.add(story)
    return ids
