using Journal.Domain.People;
using Shouldly;
using Xunit;

namespace Journal.Domain.Tests;

public class PersonNameTests
{
    [Theory]
    [InlineData("Иванов", "Пётр", "Сергеевич", "Иванов Пётр Сергеевич")]
    [InlineData("Иванов", "Пётр", null, "Иванов Пётр")]
    [InlineData("Иванов", "Пётр", "", "Иванов Пётр")]
    [InlineData("Иванов", "Пётр", "  ", "Иванов Пётр")]
    [InlineData("Салтыков-Щедрин", "Михаил", "Евграфович", "Салтыков-Щедрин Михаил Евграфович")]
    public void Full_name_is_last_first_middle_and_skips_a_missing_middle_name(
        string last, string first, string? middle, string expected)
    {
        PersonName.Full(last, first, middle).ShouldBe(expected);
    }

    [Theory]
    [InlineData("Иванов", "Пётр", "Сергеевич", "Иванов П. С.")]
    [InlineData("Иванов", "Пётр", null, "Иванов П.")]
    [InlineData("Иванов", "Пётр", "", "Иванов П.")]
    [InlineData("Иванов", "Пётр", " ", "Иванов П.")]
    [InlineData("Ёлкина", "Юлия", "Эдуардовна", "Ёлкина Ю. Э.")]
    public void Initials_form_keeps_the_last_name_and_the_first_letters_with_dots(
        string last, string first, string? middle, string expected)
    {
        PersonName.WithInitials(last, first, middle).ShouldBe(expected);
    }

    [Theory]
    [InlineData("Сергеевич", "Иванов Пётр Сергеевич")]
    [InlineData(null, "Иванов Пётр")]
    public void Pupil_full_name_uses_the_russian_full_form(string? middle, string expected)
    {
        var pupil = new Pupil { LastName = "Иванов", FirstName = "Пётр", MiddleName = middle };

        pupil.FullName.ShouldBe(expected);
    }
}
