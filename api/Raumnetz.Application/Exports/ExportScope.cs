using Raumnetz.Domain.Common;

namespace Raumnetz.Application.Exports;

/// <summary>Which spaces an export covers and in which order it lists them (rules over the space tree, no I/O).</summary>
public static class ExportScope
{
    /// <summary>
    /// The listed spaces, the subtree of <see cref="ExportIndicatorsQuery.Under"/> and the spaces on
    /// <see cref="ExportIndicatorsQuery.Level"/>, combined (all must hold); null when none is given (every space).
    /// A listed space or <c>under</c> that does not exist is a bad request naming that parameter.
    /// </summary>
    public static HashSet<Guid>? Of(ExportIndicatorsQuery q, IReadOnlyDictionary<Guid, ExportSpace> spaces, ILookup<Guid, Guid> children)
    {
        HashSet<Guid>? scope = null;
        void Intersect(IEnumerable<Guid> ids) { var set = ids.ToHashSet(); if (scope is null) scope = set; else scope.IntersectWith(set); }
        if (q.SpaceIds is { Count: > 0 } list)
        {
            var missing = list.FirstOrDefault(id => !spaces.ContainsKey(id));
            if (missing != Guid.Empty) throw new InvalidFieldException("spaceIds", Text.DoesNotExist("Space", missing));
            Intersect(list);
        }
        if (q.Under is { } under)
        {
            if (!spaces.ContainsKey(under)) throw new InvalidFieldException("under", Text.DoesNotExist("Space", under));
            var subtree = new HashSet<Guid>();
            var stack = new Stack<Guid>([under]);
            while (stack.Count > 0) { var s = stack.Pop(); if (subtree.Add(s)) foreach (var c in children[s]) stack.Push(c); }
            Intersect(subtree);
        }
        if (q.Level is { } level) Intersect(spaces.Values.Where(s => s.Level == level).Select(s => s.Id));
        return scope;
    }

    /// <summary>Parents before children, siblings by code; a space whose parent is not among them counts as a root.</summary>
    public static List<ExportSpace> TreeOrder(IReadOnlyCollection<ExportSpace> spaces)
    {
        var ids = spaces.Select(s => s.Id).ToHashSet();
        var children = spaces.Where(s => s.ParentId is { } p && ids.Contains(p)).ToLookup(s => s.ParentId!.Value);
        var result = new List<ExportSpace>(spaces.Count);
        void Visit(ExportSpace s) { result.Add(s); foreach (var c in children[s.Id].OrderBy(c => c.Code, StringComparer.Ordinal)) Visit(c); }
        foreach (var root in spaces.Where(s => s.ParentId is not { } p || !ids.Contains(p)).OrderBy(s => s.Code, StringComparer.Ordinal)) Visit(root);
        return result;
    }
}
