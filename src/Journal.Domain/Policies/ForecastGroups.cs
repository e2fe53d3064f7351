namespace Journal.Domain.Policies;

/// <summary>
/// GRD-5: the pupils the class teacher looks for by the forecasts of all their graded subjects: «учащиеся группы
/// риска, а также учащиеся «с одной тройкой», «одной четверкой»» (seed 003 §4.2.4). The lists are independent: a
/// pupil with one «3» may also be at risk for too few marks in another subject, and the teacher sees both.
/// </summary>
public static class ForecastGroups
{
    /// <summary>
    /// At risk in a subject: the average gives «2», or there is nothing to set a period mark from (GRD-3: too few
    /// marks, no required control work). SPEC GRD-5: «forecast «2» or too few marks».
    /// </summary>
    public static bool IsAtRisk(PeriodMarkProposal proposal)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        return proposal.IsNotAttested || proposal.AverageMark is null or <= 2;
    }

    /// <summary>«Группа риска»: at risk in any subject.</summary>
    public static bool IsAtRisk(IEnumerable<PeriodMarkProposal> subjects)
    {
        ArgumentNullException.ThrowIfNull(subjects);
        return subjects.Any(IsAtRisk);
    }

    /// <summary>
    /// The index of the one subject that keeps the pupil from the better mark: with <paramref name="mark"/> 3, «с одной
    /// тройкой» (exactly one forecast «3», every other «4» or «5»); with 4, «с одной четвёркой» (exactly one «4», every
    /// other «5»). Null when the pupil is not such. Only subjects with a forecast count: a subject without a mark is the
    /// risk group's concern.
    /// </summary>
    public static int? TheOne(IReadOnlyList<PeriodMarkProposal> subjects, int mark)
    {
        ArgumentNullException.ThrowIfNull(subjects);
        if (mark is not (3 or 4))
        {
            throw new ArgumentOutOfRangeException(nameof(mark), mark, "Only «с одной 3» and «с одной 4».");
        }

        int? one = null;
        for (int i = 0; i < subjects.Count; i++)
        {
            switch (subjects[i].AverageMark)
            {
                case null:
                    continue;
                case { } forecast when forecast < mark:
                    return null;
                case { } forecast when forecast == mark:
                    if (one is not null)
                    {
                        return null;
                    }

                    one = i;
                    break;
            }
        }

        return one;
    }
}
