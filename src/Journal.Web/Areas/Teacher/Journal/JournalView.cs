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
}
