using System.Globalization;

namespace Journal.Domain.Lessons;

public enum MarkKind
{
    /// <summary>A mark of the scale: 2–5, or 1 where the school allows it.</summary>
    Grade,

    /// <summary>Two marks in one cell, «5/4» (JRN-3: Russian, literature).</summary>
    DoubleMark,

    /// <summary>«зачёт».</summary>
    Pass,

    /// <summary>«незачёт».</summary>
    Fail,

    /// <summary>«Точка»: work owed, later turned into a mark (JRN-3).</summary>
    Dot,
}

/// <summary>
/// What stands in a journal cell as a mark (JRN-3). Stored as its code: «5», «5/4», «з», «нз», «.».
/// </summary>
public readonly record struct MarkValue
{
    private MarkValue(MarkKind kind, int first, int second)
    {
        Kind = kind;
        First = first;
        Second = second;
    }

    public MarkKind Kind { get; }

    /// <summary>The mark for Grade, the first mark for Double; 0 otherwise.</summary>
    public int First { get; }

    /// <summary>The second mark of a Double; 0 otherwise.</summary>
    public int Second { get; }

    public static MarkValue Grade(int mark) => new(MarkKind.Grade, InScale(mark), 0);

    public static MarkValue DoubleMark(int first, int second) => new(MarkKind.DoubleMark, InScale(first), InScale(second));

    private static int InScale(int mark) =>
        mark is >= 1 and <= 5 ? mark : throw new ArgumentOutOfRangeException(nameof(mark), mark, "A mark is 1–5.");

    public static MarkValue Pass { get; } = new(MarkKind.Pass, 0, 0);

    public static MarkValue Fail { get; } = new(MarkKind.Fail, 0, 0);

    public static MarkValue Dot { get; } = new(MarkKind.Dot, 0, 0);

    /// <summary>The marks this value contributes to an average: a double mark counts as two; pass/fail and dots none (GRD-1).</summary>
    public IEnumerable<int> Numbers => Kind switch
    {
        MarkKind.Grade => [First],
        MarkKind.DoubleMark => [First, Second],
        _ => [],
    };

    public string Code => Kind switch
    {
        MarkKind.Grade => First.ToString(CultureInfo.InvariantCulture),
        MarkKind.DoubleMark => string.Create(CultureInfo.InvariantCulture, $"{First}/{Second}"),
        MarkKind.Pass => "з",
        MarkKind.Fail => "нз",
        _ => ".",
    };

    public override string ToString() => Code;

    /// <summary>Reads a stored code or what a teacher types. Returns an error in Russian when the input is not a mark.</summary>
    public static bool TryParse(string? input, bool allowOne, out MarkValue value, out string? error)
    {
        value = default;
        error = null;
        var text = CyrillicInput.Normalize(input);
        switch (text)
        {
            case "":
                error = "Пустая отметка.";
                return false;
            case "з" or "зач" or "зачет":
                value = Pass;
                return true;
            case "нз" or "незач" or "незачет":
                value = Fail;
                return true;
            case "." or "т":
                value = Dot;
                return true;
        }

        var parts = text.Replace(" ", "", StringComparison.Ordinal).Split('/');
        if (parts.Length > 2)
        {
            error = $"«{input}» — не отметка.";
            return false;
        }

        var numbers = new int[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out numbers[i]))
            {
                error = $"«{input}» — не отметка. Введите 2–5, «5/4», «з», «нз», «.» или пропуск «н», «б», «у», «оп».";
                return false;
            }

            var lowest = allowOne ? 1 : 2;
            if (numbers[i] < lowest || numbers[i] > 5)
            {
                error = $"Отметка {parts[i]} вне шкалы: допустимы {lowest}–5.";
                return false;
            }
        }

        value = numbers.Length == 1 ? Grade(numbers[0]) : DoubleMark(numbers[0], numbers[1]);
        return true;
    }

    /// <summary>Reads a stored code; throws on a corrupt one (the database only holds codes this type wrote).</summary>
    public static MarkValue FromCode(string code) =>
        TryParse(code, allowOne: true, out var value, out var error)
            ? value
            : throw new FormatException(error);
}
