using System.Globalization;

namespace Journal.Domain.Attestation;

/// <summary>
/// The marks a period, year, exam or final mark may be (GRD-4): the scale («5»…«2», «1» where the school allows it);
/// «н/а» (не аттестован); «зач»/«незач» for a subject graded pass/fail; «осв» (освобождён) for a pupil exempted.
/// </summary>
public static class AttestationMark
{
    public const string NotAttested = "н/а";
    public const string Pass = "зач";
    public const string Fail = "незач";
    public const string Exempt = "осв";

    /// <summary>The codes offered, best first, for a subject graded on the scale or pass/fail.</summary>
    public static IReadOnlyList<string> Choices(bool passFail, bool allowOne) =>
        passFail ? [Pass, Fail, NotAttested, Exempt]
        : allowOne ? ["5", "4", "3", "2", "1", NotAttested, Exempt]
        : ["5", "4", "3", "2", NotAttested, Exempt];

    /// <summary>Reads a chosen or typed code; a Russian error when it is not a mark this subject can have.</summary>
    public static bool TryParse(string? input, bool passFail, bool allowOne, out string code, out string? error)
    {
        // «n/a» typed in the Latin layout: the look-alike map reads «n» as «п» (for «оп»), so catch it first.
        var latin = input?.Trim().Replace(" ", string.Empty, StringComparison.Ordinal).ToLowerInvariant();
        var text = latin is "n/a" or "na" ? "н/а" : CyrillicInput.Normalize(input).Replace(" ", string.Empty, StringComparison.Ordinal);
        code = text switch
        {
            "на" or "н\\а" => NotAttested,
            "зачет" or "з" => Pass,
            "незачет" or "нз" => Fail,
            "освобожден" => Exempt,
            _ => text,
        };
        var choices = Choices(passFail, allowOne);
        if (choices.Contains(code))
        {
            error = null;
            return true;
        }

        var allowed = string.Join(", ", choices.Select(c => $"«{c}»"));
        error = passFail && int.TryParse(code, NumberStyles.None, CultureInfo.InvariantCulture, out _)
            ? $"Предмет оценивается «зачёт/незачёт»: отметка «{input?.Trim()}» не подходит. Можно: {allowed}."
            : $"«{input?.Trim()}» — не отметка за период. Можно: {allowed}.";
        code = string.Empty;
        return false;
    }

    /// <summary>The number a code stands for (for the year proposal); null for «н/а», «зач», «осв»…</summary>
    public static int? Number(string? code) =>
        code is { Length: 1 } && code[0] is >= '1' and <= '5' ? code[0] - '0' : null;
}
