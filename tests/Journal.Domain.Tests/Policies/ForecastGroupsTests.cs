using Journal.Domain.Lessons;
using Journal.Domain.Organization;
using Journal.Domain.Policies;
using Shouldly;
using Xunit;

namespace Journal.Domain.Tests.Policies;

/// <summary>
/// GRD-5, seed 003 §4.2.4: a pupil's subjects are written «5 5 4 | 3 3 4 | 2»: one subject's marks of a quarter
/// between bars (weight 1; the quarter's minimum is 3 marks).
/// </summary>
public class ForecastGroupsTests
{
    private static List<PeriodMarkProposal> Subjects(string subjects) =>
        [.. subjects.Split('|').Select(subject => Grading.Propose(
            [.. subject.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(m => new WeightedMark(MarkValue.FromCode(m), 1m))],
            PeriodKind.Quarter,
            GradingSettings.Default))];

    [Theory]
    [InlineData("5 5 5 | 4 4 4", false)]
    [InlineData("5 5 5 | 2 2 3", true)] // 2.33 gives «2»
    [InlineData("5 5 5 | 5 5", true)] // too few marks: «н/а»
    [InlineData("5 5 5 | .", true)] // no mark at all, only a debt
    [InlineData("3 3 3 | 3 3 2", false)] // 2.66 gives «3»
    public void GRD5_the_risk_group_is_a_forecast_2_or_too_few_marks_in_any_subject(string subjects, bool atRisk) =>
        ForecastGroups.IsAtRisk(Subjects(subjects)).ShouldBe(atRisk);

    [Fact]
    public void GRD5_a_required_control_work_missing_puts_the_subject_at_risk()
    {
        var proposal = Grading.Propose(
            [new(MarkValue.Grade(5), 1m), new(MarkValue.Grade(5), 1m), new(MarkValue.Grade(5), 1m)],
            PeriodKind.Quarter, GradingSettings.Default, controlWorkRequired: true);

        ForecastGroups.IsAtRisk(proposal).ShouldBeTrue();
    }

    [Theory]
    [InlineData("5 5 5 | 4 4 4 | 3 3 3", 3, 2)]
    [InlineData("5 5 5 | 3 3 4 | 5 5 4", 3, 1)] // 3.33 gives «3», 4.66 gives «5»
    [InlineData("4 4 4 | 3 3 3 | 3 3 3", 3, null)] // two «3»
    [InlineData("5 5 5 | 3 3 3 | 2 2 2", 3, null)] // a «2» is worse than one «3»
    [InlineData("5 5 5 | 3 3 | 4 4 4", 3, 1)] // the «3» counts while too few to attest (and the pupil is also at risk)
    [InlineData("5 5 5 | | 3 3 3", 3, 2)] // a subject with no mark has no forecast to count
    [InlineData("5 5 5 | 4 4 4 | 5 5 4", 4, 1)]
    [InlineData("5 5 5 | 4 4 4 | 4 4 4", 4, null)] // two «4»
    [InlineData("5 5 5 | 4 4 4 | 3 3 3", 4, null)] // a «3» is worse than one «4»
    [InlineData("5 5 5 | 5/4 3 | 5 5 5", 4, 1)] // a double mark is two marks: 4.00 of three
    [InlineData("5 5 5 | 5 5 5", 3, null)] // an excellent pupil is in no list
    [InlineData("5 5 5 | 5 5 5", 4, null)]
    public void GRD5_with_one_3_or_one_4_every_other_forecast_is_better(string subjects, int mark, int? theOne) =>
        ForecastGroups.TheOne(Subjects(subjects), mark).ShouldBe(theOne);
}
