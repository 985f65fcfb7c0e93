namespace Pipeline.Core.Decoding;

/// <summary>Counts taken over a bounded sample of the input, used to detect UTF-16 without a BOM and binary data.</summary>
internal readonly record struct ByteSampleStatistics(int Length, int ZeroBytesAtEven, int ZeroBytesAtOdd, int ControlBytes)
{
    /// <summary>Code-unit pairs in the sample.</summary>
    public int Pairs => Length / 2;

    public static ByteSampleStatistics Measure(ReadOnlySpan<byte> sample)
    {
        // Text has neither NULs nor binary controls: one vectorised search says so for most inputs.
        if (!sample.ContainsAny(NulOrBinaryControl))
        {
            return new ByteSampleStatistics(sample.Length, 0, 0, 0);
        }

        int zeroEven = 0, zeroOdd = 0, control = 0;
        for (var i = 0; i < sample.Length; i++)
        {
            var b = sample[i];
            if (b == 0)
            {
                if ((i & 1) == 0) { zeroEven++; } else { zeroOdd++; }
            }
            else if (IsBinaryControl(b))
            {
                control++;
            }
        }

        return new ByteSampleStatistics(sample.Length, zeroEven, zeroOdd, control);
    }

    private static readonly System.Buffers.SearchValues<byte> NulOrBinaryControl =
        System.Buffers.SearchValues.Create(Enumerable.Range(0, 0x80).Where(b => b == 0 || IsBinaryControl(b)).Select(b => (byte)b).ToArray());

    /// <summary>C0 controls other than tab, LF, CR, FF (and ESC-free text rarely has any), plus DEL. NUL is counted separately.</summary>
    public static bool IsBinaryControl(int c) =>
        (c < 0x20 && c is not ('\t' or '\n' or '\r' or '\f')) || c == 0x7F;
}
