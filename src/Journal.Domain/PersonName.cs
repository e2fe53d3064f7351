namespace Journal.Domain;

/// <summary>Russian name forms: «Иванов Пётр Сергеевич» and «Иванов П. С.».</summary>
public static class PersonName
{
    public static string Full(string lastName, string firstName, string? middleName) =>
        string.Join(' ', new[] { lastName, firstName, middleName }
            .Where(part => !string.IsNullOrWhiteSpace(part)).Select(part => part!.Trim()));

    public static string WithInitials(string lastName, string firstName, string? middleName) =>
        string.Join(' ', new[] { lastName.Trim() }
            .Concat(new[] { firstName, middleName }
                .Where(part => !string.IsNullOrWhiteSpace(part)).Select(part => $"{part!.Trim()[0]}.")));
}
