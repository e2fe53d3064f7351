namespace Journal.Domain.Lessons;

/// <summary>JRN-5 attendance marks.</summary>
public enum AttendanceKind
{
    /// <summary>Н: absent without a valid reason.</summary>
    Absent,

    /// <summary>Б: ill, confirmed by a medical note.</summary>
    Ill,

    /// <summary>У: valid reason (competitions etc.).</summary>
    ValidReason,

    /// <summary>ОП: late.</summary>
    Late,
}

public static class AttendanceCodes
{
    public static string Code(this AttendanceKind kind) => kind switch
    {
        AttendanceKind.Absent => "н",
        AttendanceKind.Ill => "б",
        AttendanceKind.ValidReason => "у",
        _ => "оп",
    };

    /// <summary>Reads what a teacher types; Latin look-alikes of Cyrillic letters are accepted («H», «y», «on»).</summary>
    public static bool TryParse(string? input, out AttendanceKind kind)
    {
        kind = default;
        var text = CyrillicInput.Normalize(input);
        switch (text)
        {
            case "н": kind = AttendanceKind.Absent; return true;
            case "б": kind = AttendanceKind.Ill; return true;
            case "у": kind = AttendanceKind.ValidReason; return true;
            case "оп": kind = AttendanceKind.Late; return true;
            default: return false;
        }
    }
}
