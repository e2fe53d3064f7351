namespace Journal.Domain;

/// <summary>Russian name forms: «Иванов Пётр Сергеевич» and «Иванов П. С.».</summary>
public static class PersonName
{
    public static string Full(string lastName, string firstName, string? middleName) =>
        string.IsNullOrWhiteSpace(middleName) ? $"{lastName} {firstName}" : $"{lastName} {firstName} {middleName}";

    public static string WithInitials(string lastName, string firstName, string? middleName) =>
        string.IsNullOrWhiteSpace(middleName)
            ? $"{lastName} {firstName[0]}."
            : $"{lastName} {firstName[0]}. {middleName[0]}.";
}
