namespace Journal.Web.Areas.Teacher.Journal;

/// <summary>Small display helpers of the journal page.</summary>
public static class JournalView
{
    /// <summary>A narrow column header for a work kind: «Контрольная работа» → «Контр».</summary>
    public static string Abbreviate(string kind)
    {
        var word = kind.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? kind;
        return word.Length <= 5 ? word : word[..5];
    }

    /// <summary>
    /// A work's name within its lesson, unique so every cell has its own accessible name: the kind, and
    /// its number among works of the same kind («Тест 2») when there are several.
    /// </summary>
    public static string WorkName(IReadOnlyList<JournalGrid.WorkColumn> works, JournalGrid.WorkColumn work)
    {
        var same = works.Where(w => w.Kind == work.Kind).ToList();
        return same.Count == 1 ? work.Kind : $"{work.Kind} {same.IndexOf(work) + 1}";
    }
}
