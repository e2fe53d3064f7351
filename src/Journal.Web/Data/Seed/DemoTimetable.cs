namespace Journal.Web.Data.Seed;

/// <summary>
/// One subject of one class in the weekly timetable: its hours and who gives it. A split subject
/// (English in two groups) has two parts that always run at the same time, each with its teacher.
/// </summary>
internal sealed record DemoUnit(int ClassIndex, string Subject, int Hours, DemoUnitPart[] Parts)
{
    /// <summary>At most once a day, twice for subjects of 6 hours a week and more.</summary>
    public int DailyCap => Hours >= 6 ? 2 : 1;
}

internal sealed record DemoUnitPart(Guid AssignmentId, int Teacher, Guid RoomId);

internal sealed record DemoPlacement(DemoUnit Unit, int Day, int Number);

/// <summary>
/// A weekly timetable by randomised greedy filling with restarts: classes study from the first lesson
/// without gaps, a teacher is never in two places at once, and every teacher teaches in their own
/// room, so rooms never clash either.
/// </summary>
internal static class DemoTimetable
{
    public const int Days = 5;

    public const int MaxLessons = 7;

    /// <summary>Lessons per day (Monday..Friday) for a weekly load: the extra ones go to Tuesday–Thursday first.</summary>
    public static int[] DayCounts(int load)
    {
        var counts = Enumerable.Repeat(load / Days, Days).ToArray();
        int[] extraOrder = [1, 2, 3, 0, 4];
        for (var i = 0; i < load % Days; i++)
        {
            counts[extraOrder[i]]++;
        }

        return counts.Max() > MaxLessons
            ? throw new InvalidOperationException($"A weekly load of {load} does not fit into {Days} days.")
            : counts;
    }

    public static List<DemoPlacement> Solve(IReadOnlyList<List<DemoUnit>> classes, int teacherCount, Random random)
    {
        var order = Enumerable.Range(0, classes.Count)
            .OrderByDescending(c => classes[c].Sum(u => u.Hours))
            .ThenBy(c => c)
            .ToArray();
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var busy = new bool[teacherCount, Days, MaxLessons + 1];
            var result = new List<DemoPlacement>();
            var solved = true;
            foreach (var c in order)
            {
                var units = classes[c];
                var counts = DayCounts(units.Sum(u => u.Hours));
                var done = false;
                for (var tryClass = 0; tryClass < 200 && !done; tryClass++)
                {
                    done = TryFillClass(units, counts, busy, random, result);
                }

                if (!done)
                {
                    solved = false;
                    break;
                }
            }

            if (solved)
            {
                return result;
            }
        }

        throw new InvalidOperationException("The demo timetable could not be built: the teachers are overloaded.");
    }

    private static bool TryFillClass(List<DemoUnit> units, int[] counts, bool[,,] busy, Random random, List<DemoPlacement> result)
    {
        var remaining = units.Select(u => u.Hours).ToArray();
        var placed = new List<DemoPlacement>();
        for (var day = 0; day < Days; day++)
        {
            var usedToday = new int[units.Count];
            var daysAfter = Days - 1 - day;
            for (var number = 1; number <= counts[day]; number++)
            {
                var best = -1;
                var bestScore = double.MinValue;
                for (var u = 0; u < units.Count; u++)
                {
                    var unit = units[u];
                    if (remaining[u] == 0 || usedToday[u] >= unit.DailyCap || unit.Parts.Any(p => busy[p.Teacher, day, number]))
                    {
                        continue;
                    }

                    // A unit that cannot wait (its hours no longer fit into the days left) goes first.
                    var mustToday = remaining[u] - (unit.DailyCap * daysAfter);
                    var score = (mustToday > 0 ? 100 + mustToday : remaining[u] / (double)(daysAfter + 1))
                        + (random.NextDouble() * 1.5)
                        + (unit.Parts.Length > 1 ? 0.5 : 0);
                    if (score > bestScore)
                    {
                        bestScore = score;
                        best = u;
                    }
                }

                if (best < 0)
                {
                    Release(placed, busy);
                    return false;
                }

                var chosen = units[best];
                remaining[best]--;
                usedToday[best]++;
                foreach (var part in chosen.Parts)
                {
                    busy[part.Teacher, day, number] = true;
                }

                placed.Add(new DemoPlacement(chosen, day, number));
            }

            for (var u = 0; u < units.Count; u++)
            {
                if (remaining[u] > units[u].DailyCap * daysAfter)
                {
                    Release(placed, busy);
                    return false;
                }
            }
        }

        result.AddRange(placed);
        return true;
    }

    private static void Release(List<DemoPlacement> placed, bool[,,] busy)
    {
        foreach (var placement in placed)
        {
            foreach (var part in placement.Unit.Parts)
            {
                busy[part.Teacher, placement.Day, placement.Number] = false;
            }
        }
    }
}
