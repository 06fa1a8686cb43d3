regexp(`a1b2', `[0-9]', `[\&]') regexp(`abc]', `[]]', `[\&]') regexp(`x-y', `[a-]', `[\&]') regexp(`Q', `[^a-z]', `[\&]') regexp(`tab	x', `[[:space:]]', `ws')
