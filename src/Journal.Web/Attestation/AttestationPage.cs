using Journal.Domain.Attestation;

namespace Journal.Web.Attestation;

/// <summary>What the shared sheet view needs: the sheet, where it lives, and after a refused save the marks as typed.</summary>
/// <param name="Url">The page's path without a query; «?period=…» and «?year=true» select the column set.</param>
public sealed record AttestationPage(
    AttestationSheet.Model Sheet,
    string Url,
    int? Saved = null,
    SetAttestationMarks.Result? Result = null,
    IReadOnlyList<SetAttestationMarks.Entry>? Typed = null,
    string? CorrectionUrl = null)
{
    /// <summary>LCK-2: where to ask for a correction of one locked mark; null where this page's user can't ask.</summary>
    public string? CorrectionLink(Guid pupil, AttestationKind kind) =>
        Sheet.IsLocked && CorrectionUrl is { } url
            ? $"{url}{(Sheet.Period is { } p ? $"&period={p.Id}" : "&year=true")}&pupil={pupil}&kind={kind}"
            : null;

    public string Query => Sheet.Period is { } p ? $"?period={p.Id}" : "?year=true";

    /// <summary>The value and comment to show: as typed when the save was refused, else as stored.</summary>
    public (string? Value, string? Comment) Shown(AttestationSheet.Row row, AttestationKind kind)
    {
        if (Typed?.FirstOrDefault(t => t.PupilId == row.PupilId && t.Kind == kind) is { } typed)
        {
            return (typed.Value, typed.Comment);
        }

        var cell = row.Cells[kind];
        return (cell.Value, cell.Comment);
    }

    public string? ErrorFor(Guid pupil, AttestationKind kind) =>
        Result?.Errors.TryGetValue((pupil, kind), out var error) == true ? error : null;
}
